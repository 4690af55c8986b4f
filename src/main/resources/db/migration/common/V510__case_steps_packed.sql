-- The archive of old steps (ADR 0065): the steps of a case closed longer than civicloop.cases.archive-after are
-- moved by the task case-steps-archive from cases_timeline into one row here, every column of every step kept
-- (ids included) in a small binary form compressed with a preset dictionary (cases.internal.PackedSteps). A step
-- added to such a case restores its rows first, with their ids, in the same transaction. A case's steps are either
-- all in cases_timeline or all here; only a step added while the task packed the case can leave one row of each,
-- and every reader reads both (cases.internal.Timeline).
create table cases_timeline_packed (
    case_id   bigint    not null primary key references cases_case (id),
    packed_at timestamp with time zone not null,
    steps     bytea     not null
);

-- A photo keeps the id of its step as a plain value: the step's row leaves cases_timeline when its case is packed and
-- returns with the same id. The application writes timeline_id only with the id of the step it has just appended to
-- the same case, in the same transaction (CaseService.record, CaseIntake.open).
alter table cases_attachment drop constraint cases_attachment_timeline_fkey;
