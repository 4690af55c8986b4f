-- The archive is append-only like the log. The log's trigger lets exactly one delete through: the one made inside
-- security_audit_archive_before, which first copied the same rows into the archive. That function runs with its
-- owner's rights (SECURITY DEFINER): the runtime role has no DELETE on audit rows (docs/postgresql-roles.sql) and
-- may only call it, and it never moves a row younger than 180 days.
create or replace function security_audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'security_audit_log'
            and current_setting('civicloop.audit_archive', true) = 'on' then
        return null;
    end if;
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;

create trigger security_audit_archive_append_only
    before update or delete or truncate on security_audit_archive
    for each statement execute function security_audit_log_refuse_change();

create function security_audit_archive_before(cutoff timestamp with time zone, max_rows integer) returns integer
language plpgsql security definer set search_path from current as $$
declare
    last_seq bigint;
    moved    integer;
begin
    if cutoff > now() - interval '180 days' then
        raise exception 'audit rows younger than 180 days stay in security_audit_log (cutoff %)', cutoff;
    end if;
    select max(seq) into last_seq
      from (select seq, occurred_at from security_audit_log order by seq limit max_rows) s
     where occurred_at < cutoff;
    if last_seq is null then
        return 0;
    end if;
    insert into security_audit_archive (seq, occurred_at, actor, action, target, outcome, detail, client_address,
                                        prev_hash, row_hash, key_id)
    select seq, occurred_at, actor, action, target, outcome, detail, client_address, prev_hash, row_hash, key_id
      from security_audit_log where seq <= last_seq;
    perform set_config('civicloop.audit_archive', 'on', true);
    delete from security_audit_log where seq <= last_seq;
    get diagnostics moved = row_count;
    perform set_config('civicloop.audit_archive', 'off', true);
    return moved;
end;
$$;
revoke all on function security_audit_archive_before(timestamp with time zone, integer) from public;

-- "object" filter of the audit page: a prefix match on the target uses this index whatever the collation.
create index security_audit_log_target_prefix on security_audit_log (target varchar_pattern_ops);
