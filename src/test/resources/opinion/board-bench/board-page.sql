-- The board page's database reads (TopicBoard.top, then BoardFigures.trend for the five hottest): pgbench script.
-- The trend reads the per-day counts (V380), one statement for the five topics.
-- The ids of the five hottest topics come from the first query; put them in place of OT1..OT5 before a run.
select id, heat, level, first_at, last_at, headline, posts, authors, engagement, negative_share, cases from opinion_topic where last_at >= now() - interval '7 days' order by heat desc, last_at desc, id fetch first 20 rows only;
select topic_id, on_day, posts + cases as items from opinion_topic_day where topic_id in ('OT1', 'OT2', 'OT3', 'OT4', 'OT5') and on_day >= current_date - 6;
