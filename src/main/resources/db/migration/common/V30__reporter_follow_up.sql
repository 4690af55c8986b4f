-- Every reporter of a case is asked at follow-up (回访), also those of merged duplicates: each one's answer is kept
-- on his reporter row. A merged duplicate is found from the case it joined (a reporter's code opens that case too).
alter table cases_reporter add column follow_up_resolved boolean;
alter table cases_reporter add column satisfaction varchar(24);
alter table cases_reporter add column answered_at timestamp with time zone;
create index cases_case_duplicate_of on cases_case (duplicate_of);
