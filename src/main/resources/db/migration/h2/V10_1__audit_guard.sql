-- H2 has no PL/pgSQL trigger; on H2 (development and tests) the hash chain alone detects changes to the audit log.
select 1;
