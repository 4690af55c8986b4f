-- The timeline and the photos of the cases partitioned by range of case_id in blocks of 1,000,000 ids (ADR 0051,
-- point 3; PostgreSQL only, H2 gets the same keys in its V480). Case ids grow with time, so a block is a stretch of
-- months and all the rows of one case lie in one partition: a read by case reads one partition's index.
--
-- Nothing is rewritten. Each table is renamed and becomes the first partition of a partitioned table of the same
-- columns, from the lowest id up to the highest case id rounded up to the next block; the next two blocks are created
-- empty, and the recurring task case-partitions keeps two empty blocks ahead from then on (cases_partitions_ahead
-- below, with the block of civicloop.cases.partitions.block-size). What the migration builds: the keys
-- (case_id, id) of the two old tables (the partition key must be in every unique constraint), one index build each.
-- The bound is checked by a constraint added NOT VALID and validated before the attach, so the attach itself does
-- not scan the table. The whole migration is one transaction: the renames hold the tables until it commits.
--
-- Partitioned tables have no identity column before PostgreSQL 17: the ids take a sequence default, started after
-- the highest id stored. knowledge_reply_print.timeline_id names a step by its id alone; the sequence keeps the ids
-- unique across partitions, though only the key (case_id, id) is declared.

-- the reference from a photo to its step: from (timeline_id) to (case_id, timeline_id) below
alter table cases_attachment drop constraint cases_attachment_timeline_id_fkey;

-- the timeline: the old table, keyed by (case_id, id), becomes the first partition
alter table cases_timeline rename to cases_timeline_p0;
alter index cases_timeline_of_case rename to cases_timeline_p0_case_id_idx;
alter index cases_timeline_public rename to cases_timeline_p0_occurred_at_idx;
alter table cases_timeline_p0 rename constraint cases_timeline_case_id_fkey to cases_timeline_p0_case_id_fkey;
create sequence cases_timeline_id_seq_next;
select setval('cases_timeline_id_seq_next', coalesce((select max(id) from cases_timeline_p0), 0) + 1, false);
alter table cases_timeline_p0 alter column id drop identity;
alter sequence cases_timeline_id_seq_next rename to cases_timeline_id_seq;
create unique index cases_timeline_p0_pkey on cases_timeline_p0 (case_id, id);
alter table cases_timeline_p0 drop constraint cases_timeline_pkey;
alter table cases_timeline_p0 add constraint cases_timeline_p0_pkey primary key using index cases_timeline_p0_pkey;

create table cases_timeline (
    id                  bigint       not null default nextval('cases_timeline_id_seq'),
    case_id             bigint       not null,
    occurred_at         timestamp with time zone not null,
    actor_id            bigint,
    actor_name          varchar(60)  not null,
    actor_role          varchar(20)  not null,
    action              varchar(24)  not null,
    from_status         varchar(24),
    to_status           varchar(24)  not null,
    reason              varchar(2000),
    department_id       bigint,
    public_entry        boolean      not null,
    actor_department_id bigint,
    constraint cases_timeline_pkey primary key (case_id, id),
    constraint cases_timeline_case_id_fkey foreign key (case_id) references cases_case (id)
) partition by range (case_id);
alter sequence cases_timeline_id_seq owned by cases_timeline.id;
-- the indexes of V421: the steps of a case, and the public feed by time (the old table's own are attached, not built)
create index cases_timeline_of_case on cases_timeline (case_id);
create index cases_timeline_public on cases_timeline (occurred_at) where public_entry;

-- the photos: the same; their reads by case use the key (case_id, id), so the index by case goes
alter table cases_attachment rename to cases_attachment_p0;
drop index cases_attachment_case;
alter table cases_attachment_p0 rename constraint cases_attachment_case_id_fkey to cases_attachment_p0_case_id_fkey;
create sequence cases_attachment_id_seq_next;
select setval('cases_attachment_id_seq_next', coalesce((select max(id) from cases_attachment_p0), 0) + 1, false);
alter table cases_attachment_p0 alter column id drop identity;
alter sequence cases_attachment_id_seq_next rename to cases_attachment_id_seq;
create unique index cases_attachment_p0_pkey on cases_attachment_p0 (case_id, id);
alter table cases_attachment_p0 drop constraint cases_attachment_pkey;
alter table cases_attachment_p0 add constraint cases_attachment_p0_pkey primary key using index cases_attachment_p0_pkey;

create table cases_attachment (
    id           bigint       not null default nextval('cases_attachment_id_seq'),
    case_id      bigint       not null,
    timeline_id  bigint,
    purpose      varchar(16)  not null,
    filename     varchar(200) not null,
    content_type varchar(60)  not null,
    size_bytes   int          not null,
    sha256       varchar(64)  not null,
    data         bytea        not null,
    created_at   timestamp with time zone not null,
    constraint cases_attachment_pkey primary key (case_id, id),
    constraint cases_attachment_case_id_fkey foreign key (case_id) references cases_case (id)
) partition by range (case_id);
alter sequence cases_attachment_id_seq owned by cases_attachment.id;

-- the first partitions: up to the highest case id rounded up to the next block
do $$
declare
    bound bigint;
begin
    select (coalesce(max(id), 0) / 1000000 + 1) * 1000000 into bound from cases_case;
    execute format('alter table cases_timeline_p0 add constraint cases_timeline_p0_bound check (case_id < %s) not valid',
                   bound);
    alter table cases_timeline_p0 validate constraint cases_timeline_p0_bound;
    execute format('alter table cases_timeline attach partition cases_timeline_p0 for values from (minvalue) to (%s)',
                   bound);
    alter table cases_timeline_p0 drop constraint cases_timeline_p0_bound;
    execute format('alter table cases_attachment_p0 add constraint cases_attachment_p0_bound check (case_id < %s) not valid',
                   bound);
    alter table cases_attachment_p0 validate constraint cases_attachment_p0_bound;
    execute format('alter table cases_attachment attach partition cases_attachment_p0 for values from (minvalue) to (%s)',
                   bound);
    alter table cases_attachment_p0 drop constraint cases_attachment_p0_bound;
end;
$$;

-- a photo of a step belongs to the same case as the step (checks the stored photos once)
alter table cases_attachment add constraint cases_attachment_timeline_fkey
    foreign key (case_id, timeline_id) references cases_timeline (case_id, id);

-- Keeps blocks_ahead empty blocks of block_size ids above the block of the highest case id, for both tables: each
-- missing block is created as a table of the same columns and attached (an attach takes a lock that lets reads and
-- writes of the parent go on; an empty table is not scanned). Returns the partitions created; none when they are
-- there already. Owned by the migrating role and run with its rights (SECURITY DEFINER): the application's runtime
-- role owns no table (docs/postgresql.md) and is granted only EXECUTE (afterMigrate). It waits 5 s at most for a
-- lock and then fails, to be tried again at the task's next run.
create function cases_partitions_ahead(block_size bigint, blocks_ahead integer) returns integer
    language plpgsql security definer set lock_timeout = '5s' as $$
declare
    target bigint;
    tbl    text;
    top    bigint;
    upper  bigint;
    made   integer := 0;
begin
    if block_size < 1000 or blocks_ahead < 0 or blocks_ahead > 12 then
        raise exception 'cases_partitions_ahead: block_size % (at least 1000) or blocks_ahead % (0 to 12)',
            block_size, blocks_ahead;
    end if;
    select (coalesce(max(id), 0) / block_size + 1 + blocks_ahead) * block_size into target from cases_case;
    foreach tbl in array array['cases_timeline', 'cases_attachment'] loop
        select max(substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \(''?(-?[0-9]+)''?\)')::bigint) into top
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = to_regclass(tbl);
        if top is null then
            raise exception 'cases_partitions_ahead: % has no partition with an upper bound', tbl;
        end if;
        while top < target loop
            upper := (top / block_size + 1) * block_size;
            execute format('create table %I (like %I)', tbl || '_p' || top, tbl);
            execute format('alter table %I attach partition %I for values from (%s) to (%s)',
                           tbl, tbl || '_p' || top, top, upper);
            made := made + 1;
            top := upper;
        end loop;
    end loop;
    return made;
end;
$$;
-- a definer's function names its objects in its own schema only, and only the granted roles call it
revoke execute on function cases_partitions_ahead(bigint, integer) from public;
do $$
begin
    execute format('alter function cases_partitions_ahead(bigint, integer) set search_path = %I, pg_temp',
                   current_schema());
end;
$$;

-- the next two blocks
select cases_partitions_ahead(1000000, 2);
