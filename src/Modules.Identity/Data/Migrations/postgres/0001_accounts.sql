create table identity_accounts (
    id uuid not null primary key,
    account_number text not null unique,
    name text not null,
    billing_email text not null,
    created_at timestamptz not null
);
