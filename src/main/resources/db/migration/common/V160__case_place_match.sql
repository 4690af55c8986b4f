-- How intake placed a case whose appeal gave an address and no point: the level of the gazetteer's answer, its
-- confidence, and whether the place waits for an operator's confirmation. Null level: the appeal came with a point
-- (or nothing to place).
alter table cases_case add column place_level varchar(16);
alter table cases_case add column place_confidence double precision;
alter table cases_case add column place_to_confirm boolean default false not null;
