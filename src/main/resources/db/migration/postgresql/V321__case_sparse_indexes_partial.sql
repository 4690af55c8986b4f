-- Two indexes that held a row for every case, though their reads ask for few (PostgreSQL only; H2 keeps the full
-- ones): the personal-data retention walks the closed cases not yet masked, oldest first (the masked ones, most of a
-- history of years, are never asked for again), and the merged duplicates are looked up by their target.
-- Built inside the migration's transaction: writes to cases_case wait for the builds (seconds at 100,000 cases).
drop index if exists cases_case_retention;
create index if not exists cases_case_unmasked on cases_case (closed_at, id) where personal_data_masked_at is null;
drop index if exists cases_case_duplicate_of;
create index if not exists cases_case_duplicates on cases_case (duplicate_of) where duplicate_of is not null;
