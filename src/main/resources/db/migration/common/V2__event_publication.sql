-- Spring Modulith's JDBC event publication registry (schema v2), written in the portable subset.
-- Unbounded varchar is text on PostgreSQL and a comparable string on H2 (text would be a CLOB there).
create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar      not null,
    event_type             varchar      not null,
    serialized_event       varchar      not null,
    publication_date       timestamp(6) with time zone not null,
    completion_date        timestamp(6) with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(6) with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
