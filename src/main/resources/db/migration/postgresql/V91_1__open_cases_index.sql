-- The Open311 server's status=open over a window: the cases still in handling are a small part of any window, so
-- walking every case of the window by cases_case_created to find them reads most rows for nothing. A partial index
-- holds only them, newest first by its key. H2 has no partial index; there the window walks cases_case_created.
create index cases_case_open_created on cases_case (created_at) where status not in ('CLOSED', 'DECLINED', 'VOIDED');
