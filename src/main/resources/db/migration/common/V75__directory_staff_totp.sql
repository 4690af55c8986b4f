-- The TOTP secret (RFC 6238) of a member of staff who enrolled in two-factor login: sealed with SM4 like the phone,
-- never in clear; null while he has not enrolled.
alter table directory_staff add column totp_secret varchar(200);
