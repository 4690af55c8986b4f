-- The outbox's idempotency key holds a digest of the event instead of its text (ADR 0067; see the PostgreSQL
-- migration of the same number): the first 16 bytes of SHA-256 of the event's UTF-8 text.
alter table notify_outbox add column source_event_digest varbinary(16);
update notify_outbox set source_event_digest = substring(hash('SHA-256', source_event) from 1 for 16);
alter table notify_outbox alter column source_event_digest set not null;
alter table notify_outbox drop constraint notify_outbox_once;
alter table notify_outbox drop column source_event;
alter table notify_outbox add constraint notify_outbox_once unique (source_event_digest);
