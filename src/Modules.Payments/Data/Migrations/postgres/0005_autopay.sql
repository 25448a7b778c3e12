create table payments_autopay (
    account_id uuid not null primary key,
    enabled boolean not null,
    payment_method_id uuid null,
    updated_at timestamptz not null,
    updated_by uuid null
);
