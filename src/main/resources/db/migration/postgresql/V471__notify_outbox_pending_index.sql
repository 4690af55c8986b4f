-- The delivery reads the PENDING messages due now (Outbox.due); its index (status, next_attempt_at) of V6 held every
-- message ever kept, sent ones included (32 bytes each, about 3.8 a case). A partial index holds the pending ones only:
-- a few rows, whatever the history (ADR 0064). H2 keeps the V6 index.
create index notify_outbox_pending on notify_outbox (next_attempt_at) where status = 'PENDING';
drop index if exists notify_outbox_due;
