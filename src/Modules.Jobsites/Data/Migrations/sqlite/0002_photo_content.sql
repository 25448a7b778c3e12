alter table jobsites_photos add column content blob null;
