-- Password state of a staff account: an initial or reset password must be changed at the next login, and the policy's
-- expiry counts from the last change (accounts that exist today count from this migration).
alter table directory_staff add column password_must_change boolean default false not null;
alter table directory_staff add column password_changed_at timestamp with time zone;
update directory_staff set password_changed_at = current_timestamp;
