-- The staff case list and the overview over years of history (docs/cases.md, "At scale"): every filter a list
-- offers has an index whose second column is the list's order (newest first), so a page of 20 is read from the
-- index's end whatever the history; the status index gains that column too (it serves a status alone as before).
drop index cases_case_status;
create index cases_case_status_created on cases_case (status, created_at);
drop index cases_case_department;
create index cases_case_department_created on cases_case (department_id, created_at);
drop index cases_case_unit;
create index cases_case_unit_created on cases_case (unit_id, created_at);
create index cases_case_street_created on cases_case (street_code, created_at);
-- the overview's "closed today", on-time rate and daily trend read a window of closing times
create index cases_case_closed on cases_case (closed_at);
-- a department's co-handling tasks (协办), one path of a handler's scope
create index cases_co_task_department on cases_co_task (department_id, status);
