-- Business calendar: the days that differ from the Monday–Friday rule (holidays, and weekend days declared
-- workdays by 调休). Loaded from calendar/holidays-cn.csv for missing years, then edited by admins.
-- Portable subset of SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (see docs/adr/0002);
-- "day" is a keyword in H2, hence calendar_date.
create table calendar_day (
    calendar_date date        not null primary key,
    kind          varchar(8)  not null,
    name          varchar(40) not null,
    constraint calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);
