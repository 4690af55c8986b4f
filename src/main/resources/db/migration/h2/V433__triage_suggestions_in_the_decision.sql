-- The ranked suggestions of triage in the decision's row (ADR 0059) instead of three rows keyed by the case number
-- each: by rank, category, confidence to four decimals, department code, unit code and rule id between ASCII unit
-- separators (char(31)), one suggestion after another between record separators (char(30)), absent values empty
-- (TriageRecords.encode). The rows held are moved over, then the table goes.
alter table triage_decision add column suggestions varchar(4000);

update triage_decision d set suggestions = (
    select listagg(replace(replace(s.category, char(31), ' '), char(30), ' ') || char(31)
                   || cast(cast(round(s.confidence, 4) as decimal(10, 4)) as varchar) || char(31)
                   || coalesce(s.department_code, '') || char(31) || coalesce(s.unit_code, '') || char(31)
                   || coalesce(cast(s.rule_id as varchar), ''), char(30)) within group (order by s.rank_no)
    from triage_suggestion s where s.case_number = d.case_number);

drop table triage_suggestion;
