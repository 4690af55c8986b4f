-- Issue #8 (load): the duplicate search asks for recent open cases near a point (CaseReader.openSinceNear);
-- without this index it read every case of the 72-hour window for each new appeal.
create index cases_case_place on cases_case (lat, lon);
