create table payments_autopay (
    account_id text not null primary key,
    enabled integer not null,
    payment_method_id text null,
    updated_at text not null,
    updated_by text null
);
