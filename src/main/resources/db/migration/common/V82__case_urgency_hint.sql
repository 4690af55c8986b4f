-- The urgency a resident asked for on a public channel is a hint that triage confirms or rejects (ADR 0015); it was
-- only written into the submission's timeline remark, so nothing could offer the decision or know it was settled.
alter table cases_case add column urgency_hint varchar(10);

-- cases still waiting for triage whose submission carried the hint keep it
update cases_case set urgency_hint = 'URGENT'
where status in ('SUBMITTED', 'REGISTERED') and urgency = 'NORMAL'
  and exists (select 1 from cases_timeline t
              where t.case_id = cases_case.id and t.action = 'SUBMIT' and t.reason like '%待研判确认%');
