create table dataprotection_keys (
    id bigint generated always as identity primary key,
    friendly_name text null,
    xml text not null,
    created_at timestamptz not null
);
