-- A note the whistle's timer writes when a named department missed a limit carries the limit (ACK or REPORT), so
-- that the page words it in its own language; a person's note leaves it empty. Notes written before keep only their
-- stored text.
alter table roads_whistle_note add column missed_limit varchar(10);
