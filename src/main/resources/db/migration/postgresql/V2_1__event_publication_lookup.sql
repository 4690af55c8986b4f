-- PostgreSQL only: a B-tree cannot hold long serialized events, a hash index can (as Modulith's own schema does).
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
