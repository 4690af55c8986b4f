-- The timeline's indexes hold only what its reads ask for (ADR 0056, PostgreSQL only; H2 keeps the V3/V91 ones).
-- The steps of a case are read by case_id and sorted by id: an index on case_id alone lets PostgreSQL keep one key
-- per case with the list of its rows (B-tree deduplication), where (case_id, id) held a key per row; the sort is of a
-- case's few steps. The public feed reads the public steps of a window of time: its index holds only those.
-- Built inside the migration's transaction: writes to cases_timeline wait for the builds.
create index cases_timeline_of_case on cases_timeline (case_id);
drop index if exists cases_timeline_case;
create index cases_timeline_public on cases_timeline (occurred_at) where public_entry;
drop index if exists cases_timeline_occurred;
