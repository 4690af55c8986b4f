-- The ranked suggestions of triage in the decision's row (ADR 0059) instead of three rows keyed by the case number
-- each: by rank, category, confidence to four decimals, department code, unit code and rule id between ASCII unit
-- separators (chr(31)), one suggestion after another between record separators (chr(30)), absent values empty
-- (TriageRecords.encode). The rows held are moved over, then the table goes; the decisions' rows are rewritten once.
alter table triage_decision add column suggestions varchar(4000);

update triage_decision d set suggestions = s.encoded
from (select case_number,
             string_agg(replace(replace(category, chr(31), ' '), chr(30), ' ') || chr(31)
                     || rtrim(rtrim(cast(round(cast(confidence as numeric), 4) as text), '0'), '.') || chr(31)
                     || coalesce(department_code, '') || chr(31) || coalesce(unit_code, '') || chr(31)
                     || coalesce(cast(rule_id as text), ''), chr(30) order by rank_no) encoded
      from triage_suggestion group by case_number) s
where s.case_number = d.case_number;

drop table triage_suggestion;
