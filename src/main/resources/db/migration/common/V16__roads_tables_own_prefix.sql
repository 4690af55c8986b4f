-- Road chiefs: the module is "roads", so its tables carry the module's prefix like every other module's
-- (road_* → roads_*), with their indexes. Data, keys and constraints are kept as they are.
alter table road_area rename to roads_area;
alter table road_squad rename to roads_squad;
alter table road_chief rename to roads_chief;
alter table road_segment rename to roads_segment;
alter table road_segment_chief rename to roads_segment_chief;
alter table road_patrol rename to roads_patrol;
alter table road_track_point rename to roads_track_point;
alter table road_issue rename to roads_issue;
alter table road_issue_step rename to roads_issue_step;
alter table road_issue_photo rename to roads_issue_photo;
alter table road_whistle rename to roads_whistle;
alter table road_whistle_department rename to roads_whistle_department;
alter table road_whistle_note rename to roads_whistle_note;

alter index road_patrol_chief rename to roads_patrol_chief;
alter index road_track_point_patrol rename to roads_track_point_patrol;
alter index road_track_point_segment rename to roads_track_point_segment;
alter index road_issue_holder rename to roads_issue_holder;
alter index road_issue_reported rename to roads_issue_reported;
alter index road_issue_step_issue rename to roads_issue_step_issue;
alter index road_issue_step_auto_once rename to roads_issue_step_auto_once;
alter index road_whistle_blown rename to roads_whistle_blown;

-- Filters that had no index: the issue list of a chief (the latest he reported, of his squad, he held: each part
-- read newest first and cut at the page's length), the segments of an inspector (the key of roads_segment_chief
-- starts with the segment), the briefing's steps of a week, the photos read per issue, the notes per whistle.
create index roads_issue_reporter on roads_issue (reporter_id, id);
create index roads_issue_squad on roads_issue (squad_id, id);
create index roads_issue_holder_latest on roads_issue (holder_id, id);
create index roads_segment_chief_chief on roads_segment_chief (chief_id);
create index roads_issue_step_happened on roads_issue_step (happened_at);
create index roads_issue_photo_issue on roads_issue_photo (issue_id);
create index roads_whistle_note_whistle on roads_whistle_note (whistle_id);
