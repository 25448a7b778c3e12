-- A refund request may carry an Idempotency-Key: the same key on the same payment is the same refund (NULLs stay distinct).
alter table payments_refunds add column idempotency_key text null;
create unique index ux_payments_refunds_key on payments_refunds (payment_id, idempotency_key);
