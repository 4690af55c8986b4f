-- The security module (logins, API tokens, lockout, audit log, page sessions) leaves the directory: its tables take
-- the module's prefix. Renames only: rows, identities and the audit log's hash chain stay as they are (the hashes
-- cover the rows' fields, not the table's name). The append-only trigger of PostgreSQL follows its table; V14_1
-- gives it the new name.

alter table directory_api_token rename to security_api_token;
alter index directory_api_token_staff rename to security_api_token_staff;

alter table directory_login_failure rename to security_login_failure;
alter index directory_login_failure_name rename to security_login_failure_name;
alter table directory_login_lock rename to security_login_lock;

alter table directory_audit_log rename to security_audit_log;
alter table directory_audit_head rename to security_audit_head;

-- Staff page sessions (Spring Session JDBC, V12): spring.session.jdbc.table-name=security_session, whose attributes
-- table Spring Session names <table>_attributes.
alter table spring_session_attributes rename to security_session_attributes;
alter table spring_session rename to security_session;
alter table security_session rename constraint spring_session_pk to security_session_pk;
alter table security_session_attributes rename constraint spring_session_attributes_pk to security_session_attributes_pk;
alter table security_session_attributes rename constraint spring_session_attributes_fk to security_session_attributes_fk;
alter index spring_session_ix1 rename to security_session_ix1;
alter index spring_session_ix2 rename to security_session_ix2;
alter index spring_session_ix3 rename to security_session_ix3;

-- A stored session holds the logged-in staff member as a serialized object whose class moved with the module; an old
-- session could no longer be read. Everyone signs in once more after this upgrade.
delete from security_session_attributes;
delete from security_session;
