-- Posts and cases per topic and district day, kept as they join a topic: the board's trend chart reads a week of
-- these rows per topic instead of every post of a hot topic (up to tens of thousands). Filled from the existing
-- posts and cases by the Java migration V381.
create table opinion_topic_day (
    topic_id  varchar(24) not null references opinion_topic (id),
    on_day    date        not null,
    posts     integer     default 0 not null,
    cases     integer     default 0 not null,
    primary key (topic_id, on_day)
);
