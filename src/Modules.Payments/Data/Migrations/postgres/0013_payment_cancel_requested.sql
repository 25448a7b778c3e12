alter table payments_payments add column cancel_requested_at timestamptz null;
