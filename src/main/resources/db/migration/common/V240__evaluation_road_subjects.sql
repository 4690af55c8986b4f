-- Road areas and road chiefs (路长制) become subject kinds of a period's draft and published versions: their facts
-- join the fact table (no case behind them: the reference names the whistle or the road issue and round), with
-- their own indicators, weights, scores, grades and ranks like every other kind.
alter table evaluation_fact alter column case_number drop not null;
alter table evaluation_fact add column road_area_code varchar(40);
alter table evaluation_fact add column road_chief_id bigint;
alter table evaluation_fact add column reference varchar(40);
create index evaluation_fact_road_area on evaluation_fact (road_area_code, fact, fact_day);
create index evaluation_fact_road_chief on evaluation_fact (road_chief_id, fact, fact_day);

insert into evaluation_indicator (code, name_zh, name_en, formula, direction, unit, basis, sort_order, version, changed_by, changed_at) values
 ('ROAD_ANSWER',  '路长按时签收率', 'Chiefs answered in time',     'count(ROAD_ANSWER, hit) / count(ROAD_ANSWER)',   'HIGHER', 'PERCENT', 'ROUND_START',  21, 1, 'system', timestamp '2026-12-07 00:00:00'),
 ('WHISTLE_ACK',  '吹哨响应及时率', 'Whistles acknowledged in time', 'count(WHISTLE_ACK, hit) / count(WHISTLE_ACK)', 'HIGHER', 'PERCENT', 'WHISTLE',      22, 1, 'system', timestamp '2026-12-07 00:00:00'),
 ('WHISTLE_SITE', '报到及时率',     'On site in time',             'count(WHISTLE_SITE, hit) / count(WHISTLE_SITE)', 'HIGHER', 'PERCENT', 'WHISTLE',      23, 1, 'system', timestamp '2026-12-07 00:00:00'),
 ('WHISTLE_RATE', '吹哨评价得分率', 'Whistle rating (normalised)', '(count(WHISTLE_RATING, rated5) + 0.75 * count(WHISTLE_RATING, rated4) + 0.5 * count(WHISTLE_RATING, rated3) + 0.25 * count(WHISTLE_RATING, rated2)) / count(WHISTLE_RATING)', 'HIGHER', 'PERCENT', 'WHISTLE', 24, 1, 'system', timestamp '2026-12-07 00:00:00');

insert into evaluation_indicator_history (code, version, name_zh, name_en, formula, direction, unit, changed_by, changed_at, reason)
select code, version, name_zh, name_en, formula, direction, unit, changed_by, changed_at, '路长制考评指标'
from evaluation_indicator where code in ('ROAD_ANSWER', 'WHISTLE_ACK', 'WHISTLE_SITE', 'WHISTLE_RATE');

insert into evaluation_weight (subject_kind, indicator_code, weight) values
 ('ROAD_AREA', 'ROAD_ANSWER', 0.4), ('ROAD_AREA', 'WHISTLE_ACK', 0.2), ('ROAD_AREA', 'WHISTLE_SITE', 0.2),
 ('ROAD_AREA', 'WHISTLE_RATE', 0.2),
 ('ROAD_CHIEF', 'ROAD_ANSWER', 1.0);
