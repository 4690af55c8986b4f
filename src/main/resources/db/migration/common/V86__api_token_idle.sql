-- A bearer token also dies after civicloop.security.token-idle-timeout without use (等保 三级: idle timeout of
-- sessions and tokens), so each token keeps when it was last used. Tokens issued before start their idle time now.
alter table security_api_token add column last_used_at timestamp with time zone;
update security_api_token set last_used_at = issued_at;
alter table security_api_token alter column last_used_at set not null;
