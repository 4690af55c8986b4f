-- 派遣员 is TRIAGE_OFFICER: "dispatch" is reserved for the police (glossary). Stored role names follow the enum.
update directory_staff_role set role = 'TRIAGE_OFFICER' where role = 'TRIAGE_OFFICER';
update cases_timeline set actor_role = 'TRIAGE_OFFICER' where actor_role = 'TRIAGE_OFFICER';
-- page sessions hold the old role among their authorities: everyone logs in again
delete from security_session_attributes;
delete from security_session;
