create table jobsites_jobsites (
    id text not null primary key,
    account_id text not null,
    name text not null,
    address text not null,
    latitude real not null,
    longitude real not null,
    created_at text not null
);
create index ix_jobsites_jobsites_account on jobsites_jobsites (account_id, name);

-- Services and materials are JSON text: always read and replaced with their visit, never queried on their own.
create table jobsites_visits (
    id text not null primary key,
    jobsite_id text not null references jobsites_jobsites (id),
    account_id text not null,
    scheduled_start text not null,
    scheduled_end text not null,
    status text not null,
    services_json text not null,
    materials_json text not null,
    notes text null,
    started_at text null,
    completed_at text null,
    created_at text not null,
    updated_at text not null
);
create index ix_jobsites_visits_account_start on jobsites_visits (account_id, scheduled_start);
create index ix_jobsites_visits_jobsite_start on jobsites_visits (jobsite_id, scheduled_start);

create table jobsites_photos (
    id text not null primary key,
    visit_id text not null references jobsites_visits (id),
    account_id text not null,
    content_type text not null,
    size_bytes integer not null,
    caption text null,
    created_at text not null
);
create index ix_jobsites_photos_visit on jobsites_photos (visit_id, created_at);
