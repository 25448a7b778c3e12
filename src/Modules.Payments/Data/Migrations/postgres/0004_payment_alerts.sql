alter table payments_payments add column alerted_at timestamptz null;
