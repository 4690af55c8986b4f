-- The audit chain becomes keyed (HMAC-SM3, key outside the database, docs/security.md "Audit"): each row names the
-- key that signed it, so keys can rotate. V55.1 (a Java migration, KeyedChainMigration) re-signs the rows written
-- under the unkeyed SHA-256 chain after checking that chain end to end.
alter table security_audit_log add column key_id varchar(20);

-- Rows older than the retention (civicloop.security.audit.retention.days, at least 180) move here, never deleted;
-- archive and live table are one chain. Same columns, same order.
create table security_audit_archive (
    seq            bigint        not null primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(60),
    action         varchar(40)   not null,
    target         varchar(300),
    outcome        varchar(40)   not null,
    detail         varchar(1000),
    client_address varchar(64),
    prev_hash      varchar(64)   not null,
    row_hash       varchar(64)   not null,
    key_id         varchar(20)
);

-- The audit page's filters (who, what, when, object), each paged newest first by seq.
create index security_audit_log_actor on security_audit_log (actor, seq);
create index security_audit_log_action on security_audit_log (action, seq);
create index security_audit_log_time on security_audit_log (occurred_at);
create index security_audit_log_target on security_audit_log (target, seq);
