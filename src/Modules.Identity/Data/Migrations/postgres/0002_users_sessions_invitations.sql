create table identity_users (
    id uuid not null primary key,
    user_id text not null,
    user_id_normalized text not null unique,
    name text not null,
    email text not null,
    password_hash text not null,
    email_notifications boolean not null default true,
    staff_role text null,
    created_at timestamptz not null
);

create table identity_memberships (
    account_id uuid not null,
    user_key uuid not null,
    role text not null,
    created_at timestamptz not null,
    primary key (account_id, user_key)
);
create index ix_identity_memberships_user on identity_memberships (user_key);

create table identity_sessions (
    key_hash text not null primary key,
    user_key uuid not null,
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at timestamptz null
);
create index ix_identity_sessions_user on identity_sessions (user_key);

create table identity_login_throttle (
    user_id_normalized text not null primary key,
    failures integer not null,
    locked_until timestamptz null,
    updated_at timestamptz not null
);

create table identity_invitations (
    id uuid not null primary key,
    token_hash text not null unique,
    account_id uuid not null,
    email text not null,
    role text not null,
    invited_by uuid null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz null
);

create table identity_password_resets (
    token_hash text not null primary key,
    user_key uuid not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz null
);
