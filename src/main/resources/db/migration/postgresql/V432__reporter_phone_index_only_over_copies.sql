-- The reporters' phone index holds only the rows that hold a phone: the merged reporters' copies (ADR 0059). A lookup
-- by phone (the personal-data export) asks for an equal hash, which the index's condition covers.
drop index cases_reporter_phone_hash;
create index cases_reporter_phone_hash on cases_reporter (contact_phone_hash) where contact_phone_hash is not null;
