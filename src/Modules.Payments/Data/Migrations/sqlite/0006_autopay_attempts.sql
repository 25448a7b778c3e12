alter table payments_payments add column merchant_initiated integer not null default 0;

create table payments_autopay_attempts (
    invoice_id text not null,
    attempt integer not null,
    account_id text not null,
    payment_id text null,
    status text not null,
    attempted_at text not null,
    next_attempt_on text null,
    primary key (invoice_id, attempt)
);
