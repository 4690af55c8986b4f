-- H2 (development and tests) has no PL/pgSQL: no trigger and no archive function; the keyed chain detects edits.
select 1;
