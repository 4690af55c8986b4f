-- The last TOTP time step accepted for a member of staff: a code of that step or an earlier one is refused (no replay).
create table security_totp_step (
    staff_id bigint primary key,
    last_step bigint not null
);
