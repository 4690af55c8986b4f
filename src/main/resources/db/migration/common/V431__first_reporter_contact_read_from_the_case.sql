-- A case's first reporter no longer holds a copy of the case's sealed contact (ADR 0059): his name and phone are the
-- case's own, set at intake and masked with it, and are read from the case. Merged reporters keep the copy made at
-- the merge (ADR 0016). Rewrites the first reporters' rows once; their bytes return to the table as it is vacuumed.
update cases_reporter set contact_name = null, contact_phone = null, contact_phone_hash = null
where merged_from is null and (contact_name is not null or contact_phone is not null or contact_phone_hash is not null);
