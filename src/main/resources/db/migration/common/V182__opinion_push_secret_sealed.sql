-- Push secrets are stored sealed (SM4-GCM, sm4:<key id>:<base64url>), longer than the 64 hex characters they hide.
-- Rows written before are sealed by the security module's batch (SealedColumns), read as they are until then.
alter table opinion_source alter column push_secret set data type varchar(400);
