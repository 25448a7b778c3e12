create index ix_payments_payments_paid_by on payments_payments (paid_by, created_at);
