alter table payments_payments add column merchant_initiated boolean not null default false;

create table payments_autopay_attempts (
    invoice_id uuid not null,
    attempt integer not null,
    account_id uuid not null,
    payment_id uuid null,
    status text not null,
    attempted_at timestamptz not null,
    next_attempt_on date null,
    primary key (invoice_id, attempt)
);
