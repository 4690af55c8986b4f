-- Least-privilege database roles for CivicLoop on PostgreSQL (docs/postgresql.md, "Database roles").
-- Run once, as a superuser, before the first start:
--   psql -h HOST -U postgres -v ON_ERROR_STOP=1 -v db=civicloop \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" -f docs/postgresql-roles.sql
--
-- civicloop_owner owns the database, the schema and every table: Flyway migrates as this role
--   (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD). Nobody else logs in as it at run time.
-- civicloop_app is the application's runtime user (CIVICLOOP_DB_USER / CIVICLOOP_DB_PASSWORD). It owns nothing, so it
--   can neither drop nor disable a trigger, nor alter a table. After every migration Flyway's afterMigrate script
--   (db/migration/postgresql/afterMigrate__audit_runtime_role.sql, with CIVICLOOP_DB_RUNTIME_ROLE=civicloop_app)
--   grants it SELECT/INSERT/UPDATE/DELETE on the application's tables, but on the audit tables
--   (security_audit_log, security_audit_archive) SELECT and INSERT only, plus EXECUTE on the archive function.

create role civicloop_owner login password :'owner_password';
create role civicloop_app login password :'app_password';
create database :"db" owner civicloop_owner;

\connect :"db"
alter schema public owner to civicloop_owner;
revoke create on schema public from public;
grant usage on schema public to civicloop_app;
