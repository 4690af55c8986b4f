-- How the search terms' GIN index (V420) grows when the cases are inserted one at a time, with and without its
-- pending list, against the same index built at once (docs/cases.md, Storage per case; ADR 0068). Run with psql on a
-- ScaleBenchmark database: copies the title, text and reply of its cases in id order into a scratch schema, prints
-- the bytes a case of each index and the time of each step (\timing), and drops the schema.
\timing on
drop schema if exists terms_growth cascade;
create schema terms_growth;
create table terms_growth.src as select id, title, content, reply_text from cases_case order by id;
create table terms_growth.t_on (id bigint, title text, content text, reply_text text);
create index t_on_terms on terms_growth.t_on using gin (cases_text_terms(title, content, reply_text));
create table terms_growth.t_off (id bigint, title text, content text, reply_text text);
create index t_off_terms on terms_growth.t_off using gin (cases_text_terms(title, content, reply_text))
    with (fastupdate = off);
do $$ declare r record; begin
  for r in select * from terms_growth.src order by id loop
    insert into terms_growth.t_on values (r.id, r.title, r.content, r.reply_text);
  end loop; end $$;
do $$ declare r record; begin
  for r in select * from terms_growth.src order by id loop
    insert into terms_growth.t_off values (r.id, r.title, r.content, r.reply_text);
  end loop; end $$;
-- the pending list's last entries into the index, as the next vacuum would
vacuum terms_growth.t_on;
create table terms_growth.t_built as select * from terms_growth.src;
create index t_built_terms on terms_growth.t_built using gin (cases_text_terms(title, content, reply_text));
select c.relname, pg_relation_size(c.oid) / (select count(*) from terms_growth.src) as bytes_per_case
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'terms_growth' and c.relname like '%terms' order by 1;
drop schema terms_growth cascade;
