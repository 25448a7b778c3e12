create table invoicing_reopening_lines (
    payment_id text not null,
    reason text not null,
    invoice_id text not null,
    amount_minor integer not null,
    primary key (payment_id, reason, invoice_id)
);
alter table invoicing_reopenings add column reversed_at text null;
