alter table payments_payments add column alerted_at text null;
