-- The retention of the staff's letters (civicloop.notify.inbox-retention, docs/notify.md) deletes them by age, oldest
-- first, in batches: this index is the walk. Its rows are bounded by the retention, like the letters themselves.
create index notify_inbox_written on notify_inbox (created_at);
