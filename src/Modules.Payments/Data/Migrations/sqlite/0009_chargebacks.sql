-- One row per dispute event that moved money (CHARGEBACK, SECOND_CHARGEBACK): what it reopened on invoices and what could
-- not be reopened because refunds had already given it back (a loss for finance). CHARGEBACK_REVERSED sets reversed_at.
create table payments_chargebacks (
    psp_reference text not null,
    event_code text not null,
    payment_id text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    reopened_minor bigint not null,
    loss_minor bigint not null,
    reason text null,
    reversed_at text null,
    reversed_by text null,
    created_at text not null,
    primary key (psp_reference, event_code)
);
create index ix_payments_chargebacks_payment on payments_chargebacks (payment_id);
