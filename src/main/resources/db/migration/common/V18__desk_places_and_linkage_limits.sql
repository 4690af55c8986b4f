-- The 110 desk registers a call the moment it comes in, even before anyone knows where it is: the place comes
-- from a click on the desk's map or typed coordinates, now or later. An incident without a place is never ranked
-- or dispatched (the desk says so) instead of being put at a made-up point.
alter table dispatch_incident alter column lat drop not null;
alter table dispatch_incident alter column lon drop not null;

-- A diverted incident's case state is read from the case module whenever the desk shows it: the copy kept here
-- went stale (the case's steps arrive by events in any order) and the desk showed 已受理待派单 for an assigned case.
-- The log keeps each step of the case as the case's status code, so the desk can label it in its own language.
alter table dispatch_incident drop column linkage_status;
alter table dispatch_incident_log add column case_status varchar(24);

-- The desk's list (open incidents plus those ended in the last 12 hours) and the response-time figures (the last
-- 30 days) read ranges of these stamps; without indexes each refresh of the desk scanned every incident ever taken.
create index dispatch_incident_cleared on dispatch_incident (cleared_at);
create index dispatch_incident_cancelled on dispatch_incident (cancelled_at);
create index dispatch_incident_closed on dispatch_incident (closed_at);
create index dispatch_incident_received on dispatch_incident (received_at);

-- A call handed to a linked agency (联动分流) keeps a 110 kind: 110求助 (LINKAGE_HELP) or 110纠纷
-- (LINKAGE_DISPUTE), not the 12345 default 投诉 with its 13 working days. The linked agencies work around the
-- clock, so their limits are natural hours: sign for it within an hour, contact the caller within an hour (30
-- minutes cannot be written in whole hours; urgent the same hour), handle a request for help within 24 hours and
-- mediate a dispute within 3 working days. Review and follow-up keep the district's defaults ('*'). Editable like
-- every limit at /api/v1/admin/time-limits.
insert into cases_time_limit (scope, urgency, stage, amount, unit) values
    ('LINKAGE_HELP', 'NORMAL', 'SIGN', 1, 'HOURS'),
    ('LINKAGE_HELP', 'URGENT', 'SIGN', 1, 'HOURS'),
    ('LINKAGE_HELP', 'NORMAL', 'CONTACT', 1, 'HOURS'),
    ('LINKAGE_HELP', 'URGENT', 'CONTACT', 1, 'HOURS'),
    ('LINKAGE_HELP', 'NORMAL', 'HANDLE', 24, 'HOURS'),
    ('LINKAGE_HELP', 'URGENT', 'HANDLE', 4, 'HOURS'),
    ('LINKAGE_HELP', 'NORMAL', 'REWORK', 24, 'HOURS'),
    ('LINKAGE_HELP', 'URGENT', 'REWORK', 4, 'HOURS'),
    ('LINKAGE_DISPUTE', 'NORMAL', 'SIGN', 1, 'HOURS'),
    ('LINKAGE_DISPUTE', 'URGENT', 'SIGN', 1, 'HOURS'),
    ('LINKAGE_DISPUTE', 'NORMAL', 'CONTACT', 1, 'HOURS'),
    ('LINKAGE_DISPUTE', 'URGENT', 'CONTACT', 1, 'HOURS'),
    ('LINKAGE_DISPUTE', 'NORMAL', 'HANDLE', 3, 'WORKING_DAYS'),
    ('LINKAGE_DISPUTE', 'URGENT', 'HANDLE', 24, 'HOURS'),
    ('LINKAGE_DISPUTE', 'NORMAL', 'REWORK', 2, 'WORKING_DAYS'),
    ('LINKAGE_DISPUTE', 'URGENT', 'REWORK', 24, 'HOURS');
