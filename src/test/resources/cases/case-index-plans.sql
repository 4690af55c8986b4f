-- The statements that walked the three indexes V501 narrows, as CaseList sends them (newest first, counted
-- to 1,001), with their plans; run on a ScaleBenchmark database before and after V501 (docs/cases.md, Storage per
-- case): psql -h 127.0.0.1 -U postgres -d <database> -f src/test/resources/cases/case-index-plans.sql
\set ON_ERROR_STOP on
\pset pager off
select id as zfj from directory_department where code = 'ZFJ' \gset
select cast(date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' as text) as today \gset
\echo '-- the sizes: each index of cases_case, bytes a case'
select c.relname as index, pg_relation_size(c.oid) / (select count(*) from cases_case) as bytes_per_case,
       pg_get_expr(i.indpred, i.indrelid) as only_where
from pg_index i join pg_class c on c.oid = i.indexrelid
where i.indrelid = 'cases_case'::regclass order by 2 desc;
\echo '-- a status filter of the district centre: 不予受理 (DECLINED), count'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and status = 'DECLINED' order by created_at desc, id desc limit 1001) u;
\echo '-- the same, a queue of open work: 待受理 (SUBMITTED), count'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and status = 'SUBMITTED' order by created_at desc, id desc limit 1001) u;
\echo '-- the same, 已办结 (CLOSED), count and the first page'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and status = 'CLOSED' order by created_at desc, id desc limit 1001) u;
explain (analyze, buffers, costs off) select id, number, title from cases_case where 1 = 1
    and status = 'CLOSED' order by created_at desc, id desc limit 20;
\echo '-- the overview''s drill-down: closed today, count'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and (status = 'CLOSED' and closed_at >= :'today') order by created_at desc, id desc limit 1001) u;
\echo '-- a handler''s scope (zfj, every case), count: held, held as a unit, co-handled'
explain (analyze, buffers, costs off) select count(*) from (
    (select id from cases_case where department_id = :zfj order by created_at desc, id desc limit 1001)
    union (select id from cases_case where unit_id = :zfj order by created_at desc, id desc limit 1001)
    union (select id from cases_case where id in (select case_id from cases_co_task t where t.department_id = :zfj
        and t.status <> 'RELEASED') order by created_at desc, id desc limit 1001)) u;
\echo '-- a handler''s queue 待签收 (its own part: ASSIGNED), count'
explain (analyze, buffers, costs off) select count(*) from (
    (select id from cases_case where status = 'ASSIGNED' and department_id = :zfj order by created_at desc, id desc limit 1001)
    union (select id from cases_case where status = 'ASSIGNED' and unit_id = :zfj order by created_at desc, id desc limit 1001)
    union (select id from cases_case where id in (select case_id from cases_co_task t where t.department_id = :zfj
        and t.status = 'ASSIGNED') order by created_at desc, id desc limit 1001)) u;
\echo '-- the leader''s department filter (the department or its unit), count'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and (department_id = :zfj or unit_id = :zfj) order by created_at desc, id desc limit 1001) u;
\echo '-- a status and a department (API: status=DECLINED&departmentId=), count'
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and status = 'DECLINED' and (department_id = :zfj or unit_id = :zfj) order by created_at desc, id desc limit 1001) u;
\echo '-- a search by a whole phone number (its keyed hash; the staff list), count, and the personal-data export'
select contact_phone_hash as hash from cases_case where contact_phone_hash is not null limit 1 \gset
explain (analyze, buffers, costs off) select count(*) from (select id from cases_case where 1 = 1
    and contact_phone_hash = :'hash' order by created_at desc, id desc limit 1001) u;
explain (analyze, buffers, costs off) select number, created_at, contact_name, contact_phone, address from cases_case
    where contact_phone_hash = :'hash' order by created_at desc, id desc limit 100;
