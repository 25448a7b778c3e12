create table payments_refunds (
    id text not null primary key,
    payment_id text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    status text not null,
    psp_reference text null,
    created_at text not null,
    updated_at text not null
);
create index ix_payments_refunds_payment on payments_refunds (payment_id);
create index ix_payments_refunds_psp on payments_refunds (psp_reference);
