-- The cases' events the media centre's per-case counters have already counted (case number, action and time of
-- the event), so that an event delivered twice (a resubmitted publication) counts once.
create table media_counted (
    source     varchar(120) primary key,
    counted_at timestamp with time zone not null
);
