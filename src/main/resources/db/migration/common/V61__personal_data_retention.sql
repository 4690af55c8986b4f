-- PIPL: when the resident's name, phone and address of a case were masked for good (retention period after closing,
-- or the resident's own request); the retention batch walks closed cases not yet masked by this index.
alter table cases_case add column personal_data_masked_at timestamp with time zone;
create index cases_case_retention on cases_case (personal_data_masked_at, closed_at);
