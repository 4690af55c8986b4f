-- The terms' GIN index (V420) without its pending list (ADR 0068; docs/cases.md, Storage per case): inserted one case
-- at a time with the pending list (fastupdate, 4 MB by default) it grew to 320 bytes a case, without it to 202, built
-- at once 181 (30,000 generated cases inserted one by one). Each insert then writes its terms into the index at once:
-- about 0.23–0.29 ms more of the database a case written, and a search no longer reads an unsorted list of up to 4 MB.
-- Turning it off does not empty the list: gin_clean_pending_list moves what it holds into the index now. Held for the
-- moment of the catalog change (writes to cases_case wait for it); the index keeps its bytes until it is rebuilt
-- (REINDEX INDEX CONCURRENTLY cases_case_text_terms, in a quiet hour, without holding writes).
alter index cases_case_text_terms set (fastupdate = off);
select gin_clean_pending_list('cases_case_text_terms');
