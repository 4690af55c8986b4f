-- Incident numbers (JQyyyyMMdd-NNNN) came from counting the day's incidents inside the entering transaction: two
-- call-takers entering at the same moment got the same number and the second was refused by the unique key (issue
-- #8, two desks or two instances). A per-day counter row, advanced in a short transaction of its own, replaces it.
create table dispatch_day_counter (
    counter_day varchar(8) not null primary key,
    last_value  bigint     not null
);

-- Days that already have incidents continue after their highest number.
insert into dispatch_day_counter (counter_day, last_value)
select substring(number, 3, 8), max(cast(substring(number, 12, 4) as bigint))
from dispatch_incident
where number like 'JQ________-____'
group by substring(number, 3, 8);
