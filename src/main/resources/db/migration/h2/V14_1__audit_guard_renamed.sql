-- H2 has no PL/pgSQL trigger (see V10_1); nothing to rename.
select 1;
