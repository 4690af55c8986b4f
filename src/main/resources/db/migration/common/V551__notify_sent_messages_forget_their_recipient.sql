-- A message sent to a resident no longer needs its sealed recipient (ADR 0067): nothing sends it again, and the keyed
-- hash beside it (recipient_hash) still finds it for the resident's request or an erasure. Outbox.sent clears it from
-- now on; the messages sent before are cleared here. A pending or failed message keeps its recipient.
alter table notify_outbox alter column recipient drop not null;
update notify_outbox set recipient = null where status = 'SENT';
