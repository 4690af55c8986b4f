-- A change of configuration, a role or an account is audited with its values before and after as compact JSON in
-- the detail; 1000 characters did not hold a hazard rule's patterns twice. Widening a varchar rewrites no row, so
-- no MAC of the chain changes.
alter table security_audit_log alter column detail set data type varchar(4000);
alter table security_audit_archive alter column detail set data type varchar(4000);
