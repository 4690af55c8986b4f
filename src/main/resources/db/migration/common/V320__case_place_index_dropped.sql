-- No read walks cases_case by (lat, lon): the duplicate finder takes the open cases by creation time and checks its
-- box on them, the map reads the open cases. The index cost 40 bytes per case and a write on every intake.
drop index if exists cases_case_place;
