-- H2 has no partitions (ADR 0002): its timeline and photos stay plain tables, with the keys PostgreSQL's V480 gives
-- them, so the code reads both alike. The key of each becomes (case_id, id); a photo's step is referred to by
-- (case_id, timeline_id). H2 named the old reference itself: it goes with its column, whose values are kept. The
-- photos' index by case stays here (H2's reference to the case uses it).
alter table cases_attachment add column step_id bigint;
update cases_attachment set step_id = timeline_id;
alter table cases_attachment drop column timeline_id;
alter table cases_attachment alter column step_id rename to timeline_id;

alter table cases_timeline drop primary key;
alter table cases_timeline add constraint cases_timeline_pkey primary key (case_id, id);

alter table cases_attachment drop primary key;
alter table cases_attachment add constraint cases_attachment_pkey primary key (case_id, id);

alter table cases_attachment add constraint cases_attachment_timeline_fkey
    foreign key (case_id, timeline_id) references cases_timeline (case_id, id);
