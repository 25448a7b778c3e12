-- Failures judged so far, beside the attempt slots already taken (failures): a lock needs five judged failures,
-- and slots still being judged count against the limit without locking by themselves.
alter table identity_login_throttle add column judged_failures integer not null default 0;
