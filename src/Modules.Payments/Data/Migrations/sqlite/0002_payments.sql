create table payments_payments (
    id text not null primary key,
    account_id text not null,
    idempotency_key text not null,
    request_hash text not null,
    paid_by text null,
    amount_minor bigint not null,
    amount_currency text not null,
    status text not null,
    refusal_reason text null,
    method_type text not null,
    brand text null,
    last4 text null,
    stored_method_id text null,
    save_method integer not null,
    psp_reference text null,
    created_at text not null,
    updated_at text not null,
    unique (account_id, idempotency_key)
);
create index ix_payments_payments_account on payments_payments (account_id, created_at);
create index ix_payments_payments_psp on payments_payments (psp_reference);

create table payments_allocations (
    payment_id text not null,
    invoice_id text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    primary key (payment_id, invoice_id)
);

create table payments_methods (
    id text not null primary key,
    account_id text not null,
    token text not null,
    type text not null,
    brand text null,
    last4 text null,
    expiry_month integer null,
    expiry_year integer null,
    is_default integer not null,
    created_at text not null,
    deleted_at text null,
    unique (account_id, token)
);
create index ix_payments_methods_account on payments_methods (account_id);
