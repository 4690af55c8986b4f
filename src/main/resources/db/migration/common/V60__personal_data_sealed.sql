-- Personal data at rest sealed with SM4-GCM by the application (security.internal.crypto, ADR 0026): a sealed value
-- is "sm4:<key id>:<base64url>", longer than the clear one, so the columns widen. A phone is found through its
-- keyed SM3 hash (HMAC-SM3, 64 hex digits), indexed where a lookup by phone filters. Rows written before this
-- version are sealed by the batch task "personal-data-reseal" right after start, in keyset-paged batches.
alter table cases_case alter column contact_name set data type varchar(400);
alter table cases_case alter column contact_phone set data type varchar(200);
alter table cases_case alter column address set data type varchar(2000);
alter table cases_case add column contact_phone_hash varchar(64);
create index cases_case_phone_hash on cases_case (contact_phone_hash);

alter table cases_reporter alter column contact_name set data type varchar(400);
alter table cases_reporter alter column contact_phone set data type varchar(200);
alter table cases_reporter add column contact_phone_hash varchar(64);
create index cases_reporter_phone_hash on cases_reporter (contact_phone_hash);

alter table dispatch_incident alter column caller_name set data type varchar(400);
alter table dispatch_incident alter column caller_phone set data type varchar(200);
alter table dispatch_incident alter column address set data type varchar(2000);
alter table dispatch_incident add column caller_phone_hash varchar(64);
create index dispatch_incident_phone_hash on dispatch_incident (caller_phone_hash);

alter table dispatch_call alter column caller_name set data type varchar(400);
alter table dispatch_call alter column caller_phone set data type varchar(200);
alter table dispatch_call add column caller_phone_hash varchar(64);
create index dispatch_call_phone_hash on dispatch_call (caller_phone_hash);

alter table notify_outbox alter column recipient set data type varchar(200);
alter table notify_outbox add column recipient_hash varchar(64);
create index notify_outbox_recipient_hash on notify_outbox (recipient_hash);

alter table directory_staff alter column phone set data type varchar(200);
alter table roads_chief alter column phone set data type varchar(200);
