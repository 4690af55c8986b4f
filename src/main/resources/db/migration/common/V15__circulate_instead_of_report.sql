-- 通报 (an overdue case circulated to the district leaders by the escalation ladder) was stored as REPORT, the word
-- 举报 uses as an appeal kind (cases_case.kind, cases_time_limit.scope: those stay). Each word one meaning: 通报 is
-- CIRCULATE from now on, in every place that stores it.

-- the timeline: one pass over the table, changing the few rows of the top rung
update cases_timeline set action = 'CIRCULATE' where action = 'REPORT';

-- the ladder
update cases_escalation_rule set step = 'CIRCULATE' where step = 'REPORT';

-- letters already in the staff inboxes (kind, and the escalation's source key .../ESCALATED/<stage>/REPORT/...)
update notify_inbox
set kind = 'CIRCULATE', source_event = replace(source_event, '/REPORT/', '/CIRCULATE/')
where kind = 'REPORT';

-- escalation events in the publication registry (a pending one is delivered after the upgrade)
update event_publication
set serialized_event = replace(serialized_event, '"step":"REPORT"', '"step":"CIRCULATE"')
where event_type = 'cn.civicloop.cases.CaseEscalated' and serialized_event like '%"step":"REPORT"%';
