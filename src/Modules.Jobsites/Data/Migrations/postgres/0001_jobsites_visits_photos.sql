create table jobsites_jobsites (
    id uuid not null primary key,
    account_id uuid not null,
    name text not null,
    address text not null,
    latitude double precision not null,
    longitude double precision not null,
    created_at timestamptz not null
);
create index ix_jobsites_jobsites_account on jobsites_jobsites (account_id, name);

-- Services and materials are JSON text: always read and replaced with their visit, never queried on their own.
create table jobsites_visits (
    id uuid not null primary key,
    jobsite_id uuid not null references jobsites_jobsites (id),
    account_id uuid not null,
    scheduled_start timestamptz not null,
    scheduled_end timestamptz not null,
    status text not null,
    services_json text not null,
    materials_json text not null,
    notes text null,
    started_at timestamptz null,
    completed_at timestamptz null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index ix_jobsites_visits_account_start on jobsites_visits (account_id, scheduled_start);
create index ix_jobsites_visits_jobsite_start on jobsites_visits (jobsite_id, scheduled_start);

create table jobsites_photos (
    id uuid not null primary key,
    visit_id uuid not null references jobsites_visits (id),
    account_id uuid not null,
    content_type text not null,
    size_bytes bigint not null,
    caption text null,
    created_at timestamptz not null
);
create index ix_jobsites_photos_visit on jobsites_photos (visit_id, created_at);
