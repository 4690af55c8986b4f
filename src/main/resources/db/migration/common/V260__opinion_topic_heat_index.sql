-- The board's top-N (hottest topics with a post in the board window) walks the topics by heat and stops at the
-- twentieth recent one, instead of sorting every topic of the window: with 1,000,000 posts in 200,000 topics the
-- query fell from about 420 ms to under 1 ms (docs/opinion.md).
create index opinion_topic_heat on opinion_topic (heat desc, last_at desc, id);
