create table invoicing_invoices (
    id uuid not null primary key,
    account_id uuid not null,
    invoice_number text not null unique,
    invoice_date date not null,
    due_date date not null,
    status text not null,
    post_at timestamptz null,
    posted_at timestamptz null,
    voided_at timestamptz null,
    allow_partial_payment boolean not null,
    total_minor bigint not null,
    total_currency text not null,
    balance_minor bigint not null,
    held_minor bigint not null default 0,
    created_at timestamptz not null,
    check (balance_minor >= 0 and held_minor >= 0 and held_minor <= balance_minor)
);
create index ix_invoicing_invoices_account_status_due on invoicing_invoices (account_id, status, due_date, invoice_number);
create index ix_invoicing_invoices_due_date on invoicing_invoices (due_date, invoice_number);
create index ix_invoicing_invoices_posting on invoicing_invoices (post_at, id) where status = 'scheduled';

create table invoicing_invoice_lines (
    invoice_id uuid not null,
    line_no integer not null,
    description text not null,
    quantity_e4 bigint not null,
    unit_price_minor bigint not null,
    unit_price_currency text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    primary key (invoice_id, line_no)
);

create table invoicing_holds (
    payment_id uuid not null,
    invoice_id uuid not null,
    seq integer not null,
    account_id uuid not null,
    amount_minor bigint not null,
    amount_currency text not null,
    reopened_minor bigint not null default 0,
    status text not null,
    created_at timestamptz not null,
    applied_at timestamptz null,
    released_at timestamptz null,
    primary key (payment_id, invoice_id)
);
create index ix_invoicing_holds_invoice on invoicing_holds (invoice_id, status);

create table invoicing_reopenings (
    payment_id uuid not null,
    reason text not null,
    amount_minor bigint not null,
    amount_currency text not null,
    created_at timestamptz not null,
    primary key (payment_id, reason)
);

create table invoicing_imports (
    id uuid not null primary key,
    status text not null,
    csv text not null,
    rows_total integer not null default 0,
    rows_done integer not null default 0,
    errors text not null default '[]',
    created_at timestamptz not null,
    started_at timestamptz null,
    finished_at timestamptz null
);
create index ix_invoicing_imports_status on invoicing_imports (status, created_at);
