-- The public board (阳光公示): its own copy of what may be shown of a case, anonymised when written, and the
-- departments' monthly figures counted from the cases' events. Nothing personal is stored here.
create table board_case (
    case_number     varchar(40)  primary key,
    published       boolean      not null,
    withheld        varchar(20),
    photos_agreed   boolean      not null, -- the case has photos and the resident let the board say so
    salutation      varchar(10)  not null,
    category        varchar(100),
    title           varchar(200) not null,
    street_code     varchar(40),
    community_code  varchar(40),
    department_name varchar(200),
    status          varchar(30)  not null,
    is_open         boolean      not null,
    opened_at       timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    closed_at       timestamp with time zone,
    reply           varchar(2000)
);
-- the board's list: newest published first (keyset on opened_at, case_number)
create index board_case_published_order on board_case (published, opened_at, case_number);
-- the map: published open cases per area
create index board_case_open_area on board_case (published, is_open, street_code, community_code);

-- Withheld from the board whatever the resident chose: a category or title containing the keyword (纪委, disputes
-- between persons, police matters). Data, so the district can extend it without a release.
create table board_withheld_keyword (
    keyword varchar(40) primary key,
    reason  varchar(20) not null
);
insert into board_withheld_keyword (keyword, reason) values
    ('纪委', 'DISCIPLINE'), ('纪检', 'DISCIPLINE'), ('监委', 'DISCIPLINE'), ('监察', 'DISCIPLINE'),
    ('违纪', 'DISCIPLINE'), ('腐败', 'DISCIPLINE'), ('贪污', 'DISCIPLINE'), ('受贿', 'DISCIPLINE'),
    ('邻里纠纷', 'DISPUTE'), ('家庭纠纷', 'DISPUTE'), ('婚姻', 'DISPUTE'), ('家暴', 'DISPUTE'),
    ('情感纠纷', 'DISPUTE'), ('债务纠纷', 'DISPUTE'), ('借贷纠纷', 'DISPUTE'), ('赡养', 'DISPUTE'),
    ('抚养', 'DISPUTE'), ('继承', 'DISPUTE'), ('民间纠纷', 'DISPUTE'),
    ('110', 'POLICE'), ('报警', 'POLICE'), ('治安', 'POLICE'), ('刑事', 'POLICE'), ('涉警', 'POLICE'),
    ('警情', 'POLICE'), ('诈骗', 'POLICE');

-- Per department and district month (YYYY-MM, Asia/Shanghai): cases assigned to it, closed, closed by their
-- deadline, follow-up answers and satisfied ones (满意 or 基本满意). Counted from events, every case (published or not).
create table board_department_month (
    department_id  bigint     not null,
    period_month   varchar(7) not null,
    received       integer    not null default 0,
    closed         integer    not null default 0,
    closed_on_time integer    not null default 0,
    follow_ups     integer    not null default 0,
    satisfied      integer    not null default 0,
    primary key (period_month, department_id)
);

-- The events already counted (case, step, time), so an event delivered twice counts once.
create table board_counted (
    source varchar(120) primary key
);

-- Supervision items (曝光) as the media centre published them, with the department's public response once the
-- media centre published that too. Written only through the board's API when the media centre publishes.
create table board_item (
    item_id         bigint        primary key,
    title           varchar(200)  not null,
    subject         varchar(20)   not null,
    department_name varchar(200),
    case_number     varchar(40),
    body            varchar(4000) not null,
    published_at    timestamp with time zone not null,
    response        varchar(4000),
    responded_at    timestamp with time zone,
    overdue         boolean       not null
);
create index board_item_published on board_item (published_at);
