-- After every migration, when the runtime role is named (CIVICLOOP_DB_RUNTIME_ROLE, docs/postgresql.md): it may read
-- and write the application's tables, but only SELECT and INSERT the audit rows, and call the archive function and
-- the function that adds the cases' partitions (V480). It owns nothing, so it can neither drop nor disable the
-- append-only triggers. Migrations run as the owner.
do $$
declare
    r text := '${runtime_role}';
begin
    if r <> '' then
        execute format('grant usage on schema %I to %I', current_schema(), r);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), r);
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), r);
        execute format('revoke update, delete, truncate, references, trigger '
                       'on security_audit_log, security_audit_archive from %I', r);
        execute format('grant execute on function security_audit_archive_before(timestamp with time zone, integer) '
                       'to %I', r);
        if to_regprocedure('cases_partitions_ahead(bigint, integer)') is not null then
            execute format('grant execute on function cases_partitions_ahead(bigint, integer) to %I', r);
        end if;
    end if;
end;
$$;
