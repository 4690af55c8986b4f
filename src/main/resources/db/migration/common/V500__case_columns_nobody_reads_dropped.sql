-- Three columns of cases_case that no read uses (ADR 0060):
-- fingerprint: a SHA-256 (64 hex characters) of channel, title, text and phone in clear, written at intake and never
--   read since a replayed submission stopped getting its tracking token back (ADR 0004, revised); 65 bytes a case.
-- created_by: the staff member who typed the appeal in, the same as the actor of the case's submission step.
-- extension_reason: the reason of a waiting extension request, the same as that step's remark on the timeline.
-- Dropping a column rewrites nothing on PostgreSQL: the rows written before keep its bytes until they are rewritten
-- (an update of the case), or at once by VACUUM FULL cases_case in a quiet hour (docs/cases.md, Storage per case).
alter table cases_case drop column fingerprint;
alter table cases_case drop column created_by;
alter table cases_case drop column extension_reason;
