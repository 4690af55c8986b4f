-- The search terms' GIN index (ADR 0020), built once V93.1 has filled the column: all query terms present, `@>`.
create index cases_case_search_terms on cases_case using gin (string_to_array(btrim(search_terms), ' '));
