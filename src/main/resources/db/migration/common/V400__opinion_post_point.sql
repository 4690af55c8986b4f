-- Where a post's place name puts it (WGS84), when the gazetteer matched it surely: the board's map shows the posts of
-- its hottest topics beside their cases. Posts stored before keep no point (their names were never geocoded).
alter table opinion_post add column lat double precision;
alter table opinion_post add column lon double precision;
alter table opinion_post add column place_label varchar(200);
