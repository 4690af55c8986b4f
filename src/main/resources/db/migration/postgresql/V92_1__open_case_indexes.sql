-- PostgreSQL only (H2 has no partial index): the open cases are a small, bounded part of the history (a few days of
-- intake) while the ended ones grow for ever. A department's open work, newest first, and the overview's open and
-- overdue figures per department and street read only these entries; the load index covers what the figures read,
-- so they are counted from the index alone (the visibility map is kept by autovacuum).
create index cases_case_open_department on cases_case (department_id, created_at)
    where status not in ('CLOSED', 'DECLINED', 'VOIDED');
create index cases_case_open_unit on cases_case (unit_id, created_at)
    where status not in ('CLOSED', 'DECLINED', 'VOIDED');
create index cases_case_open_load on cases_case (department_id, street_code, due_at)
    where status not in ('CLOSED', 'DECLINED', 'VOIDED');
