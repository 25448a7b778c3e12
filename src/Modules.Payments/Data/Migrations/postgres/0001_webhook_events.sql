create table payments_webhook_events (
    id uuid not null primary key,
    psp_reference text not null,
    event_code text not null,
    success boolean not null,
    original_reference text null,
    merchant_reference text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    payload text not null,
    received_at timestamptz not null,
    processed_at timestamptz null,
    unique (psp_reference, event_code, success)
);
create index ix_payments_webhook_events_pending on payments_webhook_events (received_at) where processed_at is null;
