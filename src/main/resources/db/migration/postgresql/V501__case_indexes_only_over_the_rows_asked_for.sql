-- PostgreSQL only (H2 keeps the full indexes). Three indexes of cases_case held a row for every case, though their
-- reads ask for fewer (ADR 0060):
-- * the status filter's (status, created_at), now without the closed cases (nine in ten of a history): a list of
--   已办结 walks cases_case_created newest first, where nearly every case it meets is closed, so it reads about as
--   many rows as it shows; every other status (the queues' open ones, 不予受理, 已作废) walks this index as before.
--   The list plans for its values (PinnedPlans), so the planner sees that status = 'DECLINED' lies in the index.
-- * the unit path's (unit_id, created_at), now only over the cases a unit holds: a unit's list asks for unit_id = ?,
--   which lies in the index; the cases no unit holds (most of them) were a row each that no read asked for.
-- * the phone's keyed hash, now only over the cases that hold one: a search by phone (the staff list, the personal-data
--   export) asks for an equal hash; a case without a phone, and every case whose personal data the retention period
--   masked (its hash set to null, V61), was a row no read asked for, and those grow with the years kept.
-- Built inside the migration's transaction: writes to cases_case wait for the three builds, each a pass over the table
-- (docs/cases.md, Storage per case, gives their time).
drop index if exists cases_case_status_created;
create index cases_case_status_created on cases_case (status, created_at) where status <> 'CLOSED';
drop index if exists cases_case_unit_created;
create index cases_case_unit_created on cases_case (unit_id, created_at) where unit_id is not null;
drop index if exists cases_case_phone_hash;
create index cases_case_phone_hash on cases_case (contact_phone_hash) where contact_phone_hash is not null;
