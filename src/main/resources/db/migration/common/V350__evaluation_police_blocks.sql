-- Police blocks (块区) become a subject kind of a period's draft and published versions. Each cleared incident is a
-- fact of evaluation_fact (no case behind it: the reference is the incident number) with its priority and the
-- seconds from the call to the first unit on scene; hit = on scene within the priority's target. The targets are
-- data; the hits of a period follow the targets in force when the period is computed.
alter table evaluation_fact add column police_block_code varchar(40);
alter table evaluation_fact add column priority int;
alter table evaluation_fact add column response_seconds bigint;
create index evaluation_fact_police_block on evaluation_fact (police_block_code, fact, fact_day);

create table evaluation_police_target (
    priority        int primary key,
    onscene_seconds int not null
);
insert into evaluation_police_target (priority, onscene_seconds) values (1, 480), (2, 720), (3, 1200), (4, 1800);

-- The median and p90 of the seconds to scene per block and priority, frozen with the version they were computed in.
create table evaluation_snapshot_police (
    snapshot_id    bigint      not null references evaluation_snapshot (id),
    block_code     varchar(40) not null,
    priority       int         not null,
    incidents      bigint      not null,
    on_scene       bigint      not null,
    on_time        bigint      not null,
    target_seconds int,
    median_seconds double precision,
    p90_seconds    double precision,
    primary key (snapshot_id, block_code, priority)
);

-- The incidents already kept for the live figures become facts too.
insert into evaluation_fact (source, fact, police_block_code, priority, response_seconds, occurred_at, fact_day, hit,
    reference)
select concat('PR:', r.incident_number), 'POLICE_RESPONSE', r.block_code, r.priority, r.onscene_seconds, r.received_at,
    r.received_day,
    case when r.onscene_seconds is not null and r.onscene_seconds <= t.onscene_seconds then true else false end,
    r.incident_number
from evaluation_police_response r left join evaluation_police_target t on t.priority = r.priority
where r.block_code is not null;

insert into evaluation_indicator (code, name_zh, name_en, formula, direction, unit, basis, sort_order, version, changed_by, changed_at) values
 ('POLICE_ON_TIME',    '按时到场率',       'On scene within the target',        'count(POLICE_RESPONSE, hit) / count(POLICE_RESPONSE)',           'HIGHER', 'PERCENT', 'CALL', 31, 1, 'system', timestamp '2026-12-07 00:00:00'),
 ('POLICE_P1_ON_TIME', '一级警情按时到场率', 'Priority 1 on scene within the target', 'count(POLICE_RESPONSE, p1 & hit) / count(POLICE_RESPONSE, p1)', 'HIGHER', 'PERCENT', 'CALL', 32, 1, 'system', timestamp '2026-12-07 00:00:00'),
 ('POLICE_ON_SCENE',   '有到场记录率',     'Arrival reported',                  'count(POLICE_RESPONSE, onscene) / count(POLICE_RESPONSE)',       'HIGHER', 'PERCENT', 'CALL', 33, 1, 'system', timestamp '2026-12-07 00:00:00');

insert into evaluation_indicator_history (code, version, name_zh, name_en, formula, direction, unit, changed_by, changed_at, reason)
select code, version, name_zh, name_en, formula, direction, unit, changed_by, changed_at, '块区警务考评指标'
from evaluation_indicator where code in ('POLICE_ON_TIME', 'POLICE_P1_ON_TIME', 'POLICE_ON_SCENE');

insert into evaluation_weight (subject_kind, indicator_code, weight) values
 ('POLICE_BLOCK', 'POLICE_ON_TIME', 0.5), ('POLICE_BLOCK', 'POLICE_P1_ON_TIME', 0.3),
 ('POLICE_BLOCK', 'POLICE_ON_SCENE', 0.2);
