-- The board page's database reads (TopicBoard.top, then BoardFigures.trend for the five hottest): pgbench script.
-- The ids of the five hottest topics come from the first query; put them in place of OT1..OT5 before a run.
select id, heat, level, first_at, last_at, headline, posts, authors, engagement, negative_share, cases from opinion_topic where last_at >= now() - interval '7 days' order by heat desc, last_at desc, id fetch first 20 rows only;
select posted_at from opinion_post where topic_id = 'OT1' and posted_at >= now() - interval '7 days' fetch first 20000 rows only;
select posted_at from opinion_post where topic_id = 'OT2' and posted_at >= now() - interval '7 days' fetch first 20000 rows only;
select posted_at from opinion_post where topic_id = 'OT3' and posted_at >= now() - interval '7 days' fetch first 20000 rows only;
select posted_at from opinion_post where topic_id = 'OT4' and posted_at >= now() - interval '7 days' fetch first 20000 rows only;
select posted_at from opinion_post where topic_id = 'OT5' and posted_at >= now() - interval '7 days' fetch first 20000 rows only;
