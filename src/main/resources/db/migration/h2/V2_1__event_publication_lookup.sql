-- H2: same lookup as the PostgreSQL hash index, as a plain index (H2 has no hash index on strings of this size).
create index event_publication_by_listener_and_event_idx on event_publication (listener_id, serialized_event);
