-- The retention of the two outboxes (ADR 0064) deletes sent messages and delivered webhooks by age, along these
-- indexes (PostgreSQL's V470 makes them partial: only the rows that may be deleted).
create index notify_outbox_sent on notify_outbox (status, sent_at);
create index partner_delivery_delivered on partner_delivery (status, delivered_at);
