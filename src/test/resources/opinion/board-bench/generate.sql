-- 1,000,000 posts (about; 991,031 with these sizes) over 30 days in 200,000 topics of Zipf-like sizes, into a database
-- holding the opinion tables (V120, V180, V260, V380). Posts and topics are invented: no row of any data set.
\timing on
insert into opinion_source (code, name, kind, created_at) values ('bench', '压测', 'PUSH', now());
-- topic k (1..200000) gets a share ~ 1/k^0.8 of the posts; its posts lie within its own few days
create temp table sizes as
  select k, greatest(1, round(1000000 * (1.0 / power(k, 0.8)) / (select sum(1.0 / power(j, 0.8)) from generate_series(1, 200000) j)))::int as n,
         now() - (random() * interval '30 days') as centre
  from generate_series(1, 200000) k;
insert into opinion_topic (id, headline, first_at, last_at, posts, authors, engagement, negative_share, heat, level, updated_at, cases)
  select 'OTB' || k, '话题' || k, centre - interval '2 days', least(now(), centre + interval '1 day'), n, n, n * 3, 0.2,
         least(100, 10 + 20 * ln(1 + n)), case when 10 + 20 * ln(1 + n) >= 80 then 'RED' when 10 + 20 * ln(1 + n) >= 60 then 'ORANGE'
         when 10 + 20 * ln(1 + n) >= 40 then 'YELLOW' when 10 + 20 * ln(1 + n) >= 20 then 'BLUE' else 'NONE' end, now(), 0
  from sizes;
insert into opinion_post (source_id, external_id, url, author_handle, title, body, posted_at, likes, opposes, replies, reposts, place, negative, topic_id, received_at)
  select (select id from opinion_source where code = 'bench'), k || '-' || i, 'https://bbs.example.cn/t/' || k || '-' || i, '网友' || i,
         '话题' || k || '的帖子', '正文', least(now(), centre - interval '2 days' + random() * interval '3 days'), 1, 0, 0, 0, null, false, 'OTB' || k, now()
  from sizes, generate_series(1, n) i;
-- the per-day counts the application keeps as posts join their topics (the statement of V381, PostgreSQL form)
insert into opinion_topic_day (topic_id, on_day, posts, cases)
  select topic_id, cast(posted_at at time zone 'Asia/Shanghai' as date), count(*), 0 from opinion_post group by 1, 2;
select count(*) from opinion_post;
analyze;
