-- The drill-down lists one subject's facts of one kind in a period: an index per subject column on
-- (subject, fact, day) reaches exactly those rows; the former (subject, day) indexes read every fact of the subject's
-- month and are replaced. The month's aggregate keeps using evaluation_fact_day.
drop index evaluation_fact_department;
drop index evaluation_fact_unit;
drop index evaluation_fact_street;
drop index evaluation_fact_grid;
create index evaluation_fact_department on evaluation_fact (department_id, fact, fact_day);
create index evaluation_fact_unit on evaluation_fact (unit_id, fact, fact_day);
create index evaluation_fact_street on evaluation_fact (street_code, fact, fact_day);
create index evaluation_fact_grid on evaluation_fact (grid_code, fact, fact_day);
