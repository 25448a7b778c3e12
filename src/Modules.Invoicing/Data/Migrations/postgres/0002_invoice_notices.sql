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
