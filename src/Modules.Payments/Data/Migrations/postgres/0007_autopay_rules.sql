alter table payments_autopay add column charge_on text not null default 'due_date';
alter table payments_autopay add column max_amount_minor bigint null;
alter table payments_autopay add column max_amount_currency text null;

-- One row per invoice and kind (notice, over_limit, skipped): the insert claims it, so each happens once.
create table payments_autopay_marks (
    invoice_id uuid not null,
    kind text not null,
    account_id uuid not null,
    created_at timestamptz not null,
    created_by uuid null,
    primary key (invoice_id, kind)
);
create index ix_payments_autopay_marks_account on payments_autopay_marks (account_id);
create index ix_payments_autopay_attempts_account on payments_autopay_attempts (account_id);

-- One alert per saved method and expiry (a renewed card with a new expiry is alerted again).
create table payments_autopay_expiry_alerts (
    payment_method_id uuid not null,
    expiry text not null,
    account_id uuid not null,
    created_at timestamptz not null,
    primary key (payment_method_id, expiry)
);
