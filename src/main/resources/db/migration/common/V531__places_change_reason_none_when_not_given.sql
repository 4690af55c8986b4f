-- An import that gave no reason stores none (null), worded "导入" / "Imported" by whoever reads the history. Earlier
-- rows stored the Chinese word itself as the reason: they become none too, so that they read in the reader's language.
alter table places_change alter column reason drop not null;
update places_change set reason = null where reason = '导入';
