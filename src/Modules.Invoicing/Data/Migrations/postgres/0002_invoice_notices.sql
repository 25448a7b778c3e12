-- One row per invoice and notice stage (posted, before_due, due, overdue-1, ...): claimed before the email goes out,
-- so each stage is mailed once even when runs overlap or two hosts sweep at once.
create table invoicing_notices (
    invoice_id uuid not null,
    stage text not null,
    account_id uuid not null,
    claimed_at timestamptz not null,
    sent_at timestamptz null,
    recipients integer not null default 0,
    primary key (invoice_id, stage)
);

-- The reminders sweep reads open invoices by due date; paid and void ones, the bulk over time, stay out of the index.
create index ix_invoicing_invoices_open_due on invoicing_invoices (due_date) where status in ('open', 'partially_paid');
