create table invoicing_invoices (
    id text not null primary key,
    account_id text not null,
    invoice_number text not null unique,
    invoice_date text not null,
    due_date text not null,
    status text not null,
    post_at text null,
    posted_at text null,
    voided_at text null,
    allow_partial_payment integer not null,
    total_minor integer not null,
    total_currency text not null,
    balance_minor integer not null,
    held_minor integer not null default 0,
    created_at text not null,
    check (balance_minor >= 0 and held_minor >= 0 and held_minor <= balance_minor)
);
create index ix_invoicing_invoices_account_status_due on invoicing_invoices (account_id, status, due_date, invoice_number);
create index ix_invoicing_invoices_due_date on invoicing_invoices (due_date, invoice_number);
create index ix_invoicing_invoices_posting on invoicing_invoices (post_at, id) where status = 'scheduled';

create table invoicing_invoice_lines (
    invoice_id text not null,
    line_no integer not null,
    description text not null,
    quantity_e4 integer not null,
    unit_price_minor integer not null,
    unit_price_currency text not null,
    amount_minor integer not null,
    amount_currency text not null,
    primary key (invoice_id, line_no)
);

create table invoicing_holds (
    payment_id text not null,
    invoice_id text not null,
    seq integer not null,
    account_id text not null,
    amount_minor integer not null,
    amount_currency text not null,
    reopened_minor integer not null default 0,
    status text not null,
    created_at text not null,
    applied_at text null,
    released_at text null,
    primary key (payment_id, invoice_id)
);
create index ix_invoicing_holds_invoice on invoicing_holds (invoice_id, status);

create table invoicing_reopenings (
    payment_id text not null,
    reason text not null,
    amount_minor integer not null,
    amount_currency text not null,
    created_at text not null,
    primary key (payment_id, reason)
);

create table invoicing_imports (
    id text not null primary key,
    status text not null,
    csv text not null,
    rows_total integer not null default 0,
    rows_done integer not null default 0,
    errors text not null default '[]',
    created_at text not null,
    started_at text null,
    finished_at text null
);
create index ix_invoicing_imports_status on invoicing_imports (status, created_at);
