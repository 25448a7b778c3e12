create table invoicing_reopening_lines (
    payment_id uuid not null,
    reason text not null,
    invoice_id uuid not null,
    amount_minor bigint not null,
    primary key (payment_id, reason, invoice_id)
);
alter table invoicing_reopenings add column reversed_at timestamptz null;
