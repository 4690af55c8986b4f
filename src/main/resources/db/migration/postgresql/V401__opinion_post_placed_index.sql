-- The board's map reads the newest placed posts of a few topics: a partial index holds only those, so a hot topic of
-- ten thousand posts without a place costs nothing to skip (H2 has no partial index: there the topic index serves).
create index opinion_post_topic_placed on opinion_post (topic_id, posted_at) where lat is not null;
