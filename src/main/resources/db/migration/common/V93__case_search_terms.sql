-- Chinese text search of cases (ADR 0020): the search terms of the title, the resident's text and the reply,
-- written with the row by the application; rows written before are filled by the Java migration V93.1
-- (cases.internal.CaseSearchTermsBackfill), the index follows on PostgreSQL (V93_2).
alter table cases_case add column search_terms varchar;
