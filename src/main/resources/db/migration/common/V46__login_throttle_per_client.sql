-- Failed logins are counted per pair of client address and username as typed (known and unknown names alike), and a
-- lock holds that pair only: a stranger's wrong passwords no longer lock the account out for everyone. Each further
-- lock of the same pair lasts twice as long (up to a maximum). A success or a security administrator's release
-- forgets the pair. The old per-username tables go; a lock in force at the upgrade is lifted.
create table security_login_throttle (
    username        varchar(60) not null,
    client_address  varchar(64) not null,
    failures        integer     not null,
    last_failure_at timestamp with time zone not null,
    locks           integer     not null,
    locked_at       timestamp with time zone,
    locked_until    timestamp with time zone,
    primary key (username, client_address)
);
create index security_login_throttle_until on security_login_throttle (locked_until);

drop table security_login_failure;
drop table security_login_lock;
