-- The audit log is append-only for everyone who connects, the application included: UPDATE and DELETE are
-- refused by the database itself. (A superuser can still drop the trigger; the hash chain catches that edit.)
create function directory_audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'directory_audit_log is append-only (% refused)', tg_op;
end;
$$;

create trigger directory_audit_log_append_only
    before update or delete or truncate on directory_audit_log
    for each statement execute function directory_audit_log_refuse_change();
