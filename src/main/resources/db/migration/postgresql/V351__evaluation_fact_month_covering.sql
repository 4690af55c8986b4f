-- A period's figures read every fact of its days with the columns their counts test. On PostgreSQL the (day, fact)
-- index carries those columns, so a month is an index-only range scan whose cost follows the month's facts: read
-- through the heap, a month's rows lie scattered over the pages of the whole history (deadlines written ahead of
-- their day, outcomes updated later, older cases backfilled), and the scan touched nearly every page of the table.
drop index evaluation_fact_day;
create index evaluation_fact_day on evaluation_fact (fact_day, fact)
    include (department_id, unit_id, street_code, grid_code, linkage, hit, first_dispatch, outcome, case_number,
             road_area_code, road_chief_id, police_block_code, priority, response_seconds);
