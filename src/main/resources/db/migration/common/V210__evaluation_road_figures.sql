-- Road areas and chiefs (路长制), from the roads module's events only (never its tables).
-- One row per whistle and named department: the limits from WhistleBlown, the first acknowledgement and on-site
-- report from WhistleResponded, the whistle-blower's rating from WhistleRated. Events of one whistle may be handled
-- in any order, so every column but the key may still be empty. The period is the district day the whistle was blown.
create table evaluation_road_whistle (
    whistle_id       bigint not null,
    department_id    bigint not null,
    area_code        varchar(40),
    blown_day        date,
    ack_due          timestamp with time zone,
    report_due       timestamp with time zone,
    acknowledged_at  timestamp with time zone,
    on_site_at       timestamp with time zone,
    rating           int,
    primary key (whistle_id, department_id)
);
create index evaluation_road_whistle_day on evaluation_road_whistle (blown_day, area_code);

-- One row per road issue and holding round, written when the round's answer is settled (answered, or the limit
-- passed); the period is the district day the round began.
create table evaluation_road_answer (
    issue_id     bigint not null,
    hold_round   int    not null,
    chief_id     bigint not null,
    chief_level  int    not null,
    area_code    varchar(40),
    held_day     date   not null,
    due          timestamp with time zone not null,
    answered_at  timestamp with time zone,
    primary key (issue_id, hold_round)
);
create index evaluation_road_answer_day on evaluation_road_answer (held_day, chief_id);
