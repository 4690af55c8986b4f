-- A period's figures count each subject's facts by the attributes the formulas' conditions test (fact, hit, first
-- dispatch, outcome, priority, on scene). Column by column the planner multiplies their distinct values and expects
-- about as many groups as facts: it then sorts the month for every subject kind (on disk) instead of counting in a
-- hash table. These statistics give it the real number of combinations per subject column (a few thousand groups
-- for a month of a grid's facts, not a hundred thousand), so the month is counted in hash tables in one pass.
create statistics evaluation_fact_groups_linkage (ndistinct)
    on linkage, department_id, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null)
    from evaluation_fact;
create statistics evaluation_fact_groups_department (ndistinct)
    on department_id, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null)
    from evaluation_fact;
create statistics evaluation_fact_groups_unit (ndistinct)
    on unit_id, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null) from evaluation_fact;
create statistics evaluation_fact_groups_street (ndistinct)
    on street_code, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null) from evaluation_fact;
create statistics evaluation_fact_groups_grid (ndistinct)
    on grid_code, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null) from evaluation_fact;
create statistics evaluation_fact_groups_road_area (ndistinct)
    on road_area_code, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null)
    from evaluation_fact;
create statistics evaluation_fact_groups_road_chief (ndistinct)
    on road_chief_id, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null)
    from evaluation_fact;
create statistics evaluation_fact_groups_police_block (ndistinct)
    on police_block_code, fact, hit, first_dispatch, outcome, priority, (response_seconds is not null)
    from evaluation_fact;
analyze evaluation_fact;
