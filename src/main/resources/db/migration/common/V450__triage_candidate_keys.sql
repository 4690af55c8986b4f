-- The duplicate search's place keys (ADR 0061): each new case is stored under two to five keys (its cells of two
-- fixed grids, its grid and community codes, the set of place kinds it has), and a new case reads only the cases
-- stored under the keys it asks for, instead of walking every open case of the last 72 hours. Narrow on purpose:
-- the index alone answers the search. Rows older than the window are removed by the recurring task
-- triage-candidate-key-retention; a row has no primary key, as nothing ever reads or changes one row.
create table triage_candidate_key (
    candidate_key bigint      not null,
    case_number   varchar(24) not null,
    created_at    timestamp with time zone not null
);
create index triage_candidate_key_lookup on triage_candidate_key (candidate_key, created_at, case_number);

-- When the keys began: the cases opened before (the window's cases at the upgrade) have none, and the search looks
-- for them as before until they are older than the window.
create table triage_candidate_key_start (
    started_at timestamp with time zone not null
);
insert into triage_candidate_key_start (started_at) values (current_timestamp);
