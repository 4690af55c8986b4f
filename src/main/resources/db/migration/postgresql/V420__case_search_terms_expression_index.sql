-- The cases' search terms as an expression index instead of a stored column (ADR 0056, PostgreSQL only; H2 keeps the
-- column of ADR 0020). The terms are made from the title, the resident's text and the reply by this function, and
-- the query's terms by its twin in Java (cases.internal.CaseSearchTerms.indexTerms), which a test keeps equal: runs
-- of Chinese characters give their character bigrams (a run of one character gives that character), runs of ASCII
-- letters and digits the run itself in lower case cut at 32 characters, and a run of 7 digits or more (a phone
-- number) nothing. The candidates are then checked for the phrase itself (LIKE on the text), so the terms only have
-- to hold every term of any phrase the text holds literally. Cost 100 (a hundred times a LIKE): PostgreSQL checks
-- the phrases first on a row it filters and evaluates this only on the rows that hold them; a higher cost made it
-- scan the creation-time index with parallel workers that evaluated it on ten times as many rows.
create or replace function cases_text_terms(title text, content text, reply text) returns text[]
    language sql immutable parallel safe cost 100 as $$
select coalesce(array_agg(case when r.ascii then lower(left(r.run, 32))
                               when r.len = 1 then r.run
                               else substr(r.run, i, 2) end), '{}')
from regexp_matches(concat_ws(' ', title, content, reply), '[0-9A-Za-z]+|[㐀-䶿一-鿿豈-﫿𠀀-𲎯]+', 'g') as m(parts)
cross join lateral (select m.parts[1] as run, ascii(m.parts[1]) < 128 as ascii, length(m.parts[1]) as len) r
cross join lateral generate_series(1, case when r.ascii or r.len = 1 then 1 else r.len - 1 end) as i
where not (r.ascii and r.len >= 7 and r.run ~ '^[0-9]+$')
$$;

-- Built inside the migration's transaction: writes to cases_case wait for the build, which evaluates the function
-- once per case (docs/cases.md, Storage per case, gives its time).
create index cases_case_text_terms on cases_case using gin (cases_text_terms(title, content, reply_text));
drop index if exists cases_case_search_terms;
-- Dropping a column rewrites nothing: the rows written before keep their bytes until they are rewritten (an update of
-- the case, or VACUUM FULL cases_case once, which takes an exclusive lock; docs/cases.md, Storage per case).
alter table cases_case drop column search_terms;
