-- The outbox's idempotency key holds a digest of the event instead of its text (ADR 0067): the first 16 bytes of
-- SHA-256 of the UTF-8 text Outbox.enqueue was given (cases.internal's case number, step and time, and the
-- recipient's key for a second reporter), 17 B in the row instead of some 54 and a smaller entry in the unique index.
-- Nothing reads the text: the case, kind and time of a message are columns of their own. One rewrite of the table
-- (bounded by the retention, ADR 0064) and of its indexes; notify_outbox_once stays the arbiter of the insert.
alter table notify_outbox rename column source_event to source_event_digest;
alter table notify_outbox alter column source_event_digest type bytea
    using substring(sha256(convert_to(source_event_digest, 'UTF8')) from 1 for 16);
