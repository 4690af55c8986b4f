-- The month's count of the cases' five subject kinds as a draft computes it (Calculator, PostgreSQL): June 2026 of
-- the EvaluationBenchmark's year. Time it with scripts/statement-cpu.py or prefix it with explain (analyze, buffers).
select grouping(f.department_id) as g_department, grouping(f.unit_id) as g_unit, grouping(f.street_code) as g_street,
    f.linkage, cast(f.department_id as varchar(40)) as department, cast(f.unit_id as varchar(40)) as unit,
    f.street_code, f.grid_code, f.fact, f.hit, f.first_dispatch, f.outcome, f.priority, (f.response_seconds is not null) as onscene, count(*) as n
from evaluation_fact f
where f.fact_day between date '2026-06-01' and date '2026-06-30'
  and f.fact not in ('ROAD_ANSWER', 'WHISTLE_ACK', 'WHISTLE_SITE', 'WHISTLE_RATING', 'POLICE_RESPONSE')
group by grouping sets ((f.linkage, f.department_id, f.fact, f.hit, f.first_dispatch, f.outcome, f.priority, (f.response_seconds is not null)), (f.unit_id, f.fact, f.hit, f.first_dispatch, f.outcome, f.priority, (f.response_seconds is not null)), (f.street_code, f.fact, f.hit, f.first_dispatch, f.outcome, f.priority, (f.response_seconds is not null)), (f.grid_code, f.fact, f.hit, f.first_dispatch, f.outcome, f.priority, (f.response_seconds is not null)));
