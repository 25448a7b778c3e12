alter table jobsites_photos add column content bytea null;
