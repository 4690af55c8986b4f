-- The retention of the two outboxes (ADR 0064) deletes sent messages and delivered webhooks by age: each walks an
-- index holding only the rows it may delete, in the order it deletes them. Pending, failed and dead rows are few and
-- never deleted, so they are not in these indexes. (H2 has no partial index: V470 there indexes status and time.)
create index notify_outbox_sent on notify_outbox (sent_at) where status = 'SENT';
create index partner_delivery_delivered on partner_delivery (delivered_at) where status = 'DELIVERED';
