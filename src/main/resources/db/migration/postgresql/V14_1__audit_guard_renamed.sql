-- The audit log's append-only guard (V10_1) under the security module's names. The trigger moved with its table in
-- V14; it is replaced by one of the new name calling a function of the new name, within this migration's transaction,
-- so there is no moment without a guard.
create function security_audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'security_audit_log is append-only (% refused)', tg_op;
end;
$$;

drop trigger directory_audit_log_append_only on security_audit_log;
create trigger security_audit_log_append_only
    before update or delete or truncate on security_audit_log
    for each statement execute function security_audit_log_refuse_change();
drop function directory_audit_log_refuse_change();
