create table payments_payments (
    id uuid not null primary key,
    account_id uuid not null,
    idempotency_key text not null,
    request_hash text not null,
    paid_by uuid null,
    amount_minor bigint not null,
    amount_currency text not null,
    status text not null,
    refusal_reason text null,
    method_type text not null,
    brand text null,
    last4 text null,
    stored_method_id uuid null,
    save_method boolean not null,
    psp_reference text null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (account_id, idempotency_key)
);
create index ix_payments_payments_account on payments_payments (account_id, created_at);
create index ix_payments_payments_psp on payments_payments (psp_reference);

create table payments_allocations (
    payment_id uuid not null,
    invoice_id uuid not null,
    amount_minor bigint not null,
    amount_currency text not null,
    primary key (payment_id, invoice_id)
);

create table payments_methods (
    id uuid not null primary key,
    account_id uuid not null,
    token text not null,
    type text not null,
    brand text null,
    last4 text null,
    expiry_month integer null,
    expiry_year integer null,
    is_default boolean not null,
    created_at timestamptz not null,
    deleted_at timestamptz null,
    unique (account_id, token)
);
create index ix_payments_methods_account on payments_methods (account_id);
