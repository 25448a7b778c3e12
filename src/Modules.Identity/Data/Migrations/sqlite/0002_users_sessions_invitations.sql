create table identity_users (
    id text not null primary key,
    user_id text not null,
    user_id_normalized text not null unique,
    name text not null,
    email text not null,
    password_hash text not null,
    email_notifications integer not null default 1,
    staff_role text null,
    created_at text not null
);

create table identity_memberships (
    account_id text not null,
    user_key text not null,
    role text not null,
    created_at text not null,
    primary key (account_id, user_key)
);
create index ix_identity_memberships_user on identity_memberships (user_key);

create table identity_sessions (
    key_hash text not null primary key,
    user_key text not null,
    created_at text not null,
    last_seen_at text not null,
    expires_at text not null,
    ended_at text null
);
create index ix_identity_sessions_user on identity_sessions (user_key);

create table identity_login_throttle (
    user_id_normalized text not null primary key,
    failures integer not null,
    locked_until text null,
    updated_at text not null
);

create table identity_invitations (
    id text not null primary key,
    token_hash text not null unique,
    account_id text not null,
    email text not null,
    role text not null,
    invited_by text null,
    created_at text not null,
    expires_at text not null,
    used_at text null
);

create table identity_password_resets (
    token_hash text not null primary key,
    user_key text not null,
    created_at text not null,
    expires_at text not null,
    used_at text null
);
