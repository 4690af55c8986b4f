-- The whistle's timer writes its note as values only (author 'system', no text, the limit missed), worded by whoever
-- reads it. Notes it wrote before V80 kept only a Chinese sentence: they get the limit they name, so that they too
-- are worded in the reader's language (their stored sentence stays as it was, and is no longer shown).
update roads_whistle_note set missed_limit = 'ACK'
 where missed_limit is null and author_name = '系统' and note_text like '%未在时限内响应吹哨%';
update roads_whistle_note set missed_limit = 'REPORT'
 where missed_limit is null and author_name = '系统' and note_text like '%未在时限内到场报到%';
