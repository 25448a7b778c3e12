create table dataprotection_keys (
    id integer primary key autoincrement,
    friendly_name text null,
    xml text not null,
    created_at text not null
);
