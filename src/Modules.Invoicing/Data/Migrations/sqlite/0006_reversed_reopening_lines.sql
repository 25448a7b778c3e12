-- How much of each reopened line a failed refund took back (it may be less than the line when the customer paid again
-- meanwhile), so a statement can show the reversal exactly. Rows reversed before this column existed took their whole line
-- back unless the invoice was paid again; that is the best record we have of them.
alter table invoicing_reopening_lines add column reversed_minor integer not null default 0;
update invoicing_reopening_lines set reversed_minor = amount_minor
where exists (select 1 from invoicing_reopenings r
              where r.payment_id = invoicing_reopening_lines.payment_id and r.reason = invoicing_reopening_lines.reason
                and r.reversed_at is not null);
