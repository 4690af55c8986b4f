-- The department the actor belonged to when he acted, kept with each timeline row: the staff timeline shows it after
-- his name. department_id stays what the step named (the department assigned to, the co-handler, else the case's).
-- Rows written before have none; the timeline then names a department only for department staff (the case's then).
alter table cases_timeline add column actor_department_id bigint;
