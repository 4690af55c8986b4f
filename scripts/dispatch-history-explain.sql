-- The desk's incident list on a large history: fills dispatch_incident with 1,000,000 ended incidents (two years,
-- one a minute) and 20 open ones, prints the plans of the list's query (as the desk sends it) and of the 30-day
-- response-time range, and rolls everything back. Needs a PostgreSQL database migrated to V18 or later:
--   psql -h 127.0.0.1 -U postgres -d DATABASE -f scripts/dispatch-history-explain.sql
begin;
insert into dispatch_incident (number, line, incident_type, priority, status, summary, lat, lon, block_code, taken_by,
        received_at, entered_at, cleared_at, cancelled_at, closed_at)
select 'JQX' || g, '110', 'THEFT', 1 + g % 4,
       case when g % 10 = 0 then 'CANCELLED' when g % 10 = 1 then 'CLOSED' else 'CLEARED' end,
       'history', 34.86, 117.55, 'B1', 'police-desk',
       now() - g * interval '1 minute', now() - g * interval '1 minute',
       case when g % 10 > 1 then now() - g * interval '1 minute' + interval '30 minutes' end,
       case when g % 10 = 0 then now() - g * interval '1 minute' + interval '5 minutes' end,
       case when g % 10 = 1 then now() - g * interval '1 minute' + interval '2 days' end
from generate_series(1, 1000000) g;
insert into dispatch_incident (number, line, incident_type, priority, status, summary, lat, lon, block_code, taken_by,
        received_at, entered_at)
select 'JQO' || g, '110', 'THEFT', 2, 'OPEN', 'open', 34.86, 117.55, 'B1', 'police-desk', now(), now()
from generate_series(1, 20) g;
analyze dispatch_incident;
explain analyze select id, priority, received_at from dispatch_incident
    where status in ('OPEN','DISPATCHED','ON_SCENE','DIVERTED')
union all select id, priority, received_at from dispatch_incident where status = 'CLEARED' and cleared_at >= now() - interval '12 hours'
union all select id, priority, received_at from dispatch_incident where status = 'CANCELLED' and cancelled_at >= now() - interval '12 hours'
union all select id, priority, received_at from dispatch_incident where status = 'CLOSED' and closed_at >= now() - interval '12 hours'
order by priority, received_at;
explain analyze select id from dispatch_incident where received_at >= now() - interval '30 days' order by received_at;
rollback;
