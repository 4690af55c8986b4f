-- Backfill of the facts of cases older than the module: one row holding where the run is, so that a run taken over
-- by another node (or restarted) goes on from the last finished page. The facts' unique source keys make any page
-- read twice harmless.
create table evaluation_backfill (
    id            int          primary key,
    status        varchar(12)  not null,
    next_page     int          not null,
    cases_read    bigint       not null,
    facts_added   bigint       not null,
    requested_by  varchar(60),
    requested_at  timestamp with time zone,
    finished_at   timestamp with time zone
);
insert into evaluation_backfill (id, status, next_page, cases_read, facts_added) values (1, 'NEVER', 0, 0, 0);
