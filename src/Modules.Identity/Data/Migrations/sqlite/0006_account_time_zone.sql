-- Null means the operator's Portal:DefaultTimeZone, so changing that setting moves every account that never chose one.
alter table identity_accounts add column time_zone text null;
