-- Daily figures of the cases (ADR 0019): what the leaders' overview and the statistics show about the past, per day
-- of Asia/Shanghai × handling department × street/town × channel, so that a month of figures is thousands of rows
-- instead of the history behind them. "No department" is 0 and "no street" is '' (keys of a primary key).
create table cases_day_figures (
    on_day         date          not null,
    department_id  bigint        not null,
    street_code    varchar(20)   not null,
    channel        varchar(24)   not null,
    opened         int default 0 not null, -- cases created that day (as they stand now: department, street)
    closed         int default 0 not null, -- cases standing CLOSED whose closing was that day
    closed_on_time int default 0 not null, -- of those, closed by their deadline
    declined       int default 0 not null, -- cases standing DECLINED, ended that day
    voided         int default 0 not null, -- cases standing VOIDED (merged duplicates included), ended that day
    answered       int default 0 not null, -- ended cases of that day with a follow-up answer
    satisfied      int default 0 not null, -- of those, satisfied or basically satisfied
    primary key (on_day, department_id, street_code, channel)
);

-- What each case adds to the daily figures now: the listener replaces it by the case's new share and applies the
-- difference, so an event delivered twice changes nothing. The row is also the lock that orders two events of one case.
create table cases_figure_share (
    case_id        bigint      not null primary key,
    department_id  bigint      not null,
    street_code    varchar(20) not null,
    channel        varchar(24) not null,
    opened_day     date,
    ended_day      date,
    ended_status   varchar(24),
    on_time        boolean     not null,
    answered       boolean     not null,
    satisfied      boolean     not null
);

-- The same measures per day and channel only: what the overview reads (trend, intake, closed today, the rates), about
-- ten rows a day, where the rows above are up to departments × streets × channels a day.
create table cases_day_totals (
    on_day         date          not null,
    channel        varchar(24)   not null,
    opened         int default 0 not null,
    closed         int default 0 not null,
    closed_on_time int default 0 not null,
    declined       int default 0 not null,
    voided         int default 0 not null,
    answered       int default 0 not null,
    satisfied      int default 0 not null,
    primary key (on_day, channel)
);
