-- The Open311 server's reads of cases stay on indexes over any history: requests of some services in a window of
-- creation times (service_code + start_date/end_date), and the public steps of all cases in a window of time
-- (GET servicerequestupdates). The window of all services walks cases_case_created (V3).
create index cases_case_category_created on cases_case (category, created_at);
create index cases_timeline_occurred on cases_timeline (occurred_at);
