using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Holds;

internal sealed class ApplyHoldsCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock) : AsyncRequestHandler<ApplyHoldsCommand>
{
    protected override async Task Handle(ApplyHoldsCommand command, CancellationToken ct)
    {
        // The status guard claims the holds: a second or concurrent apply finds none left and changes nothing.
        const string claimSql = """
            update invoicing_holds set status = 'applied', applied_at = @Now
            where payment_id = @PaymentId and status = 'held'
            returning invoice_id, amount_minor
            """;
        const string applySql = """
            update invoicing_invoices
            set balance_minor = balance_minor - @Amount, held_minor = held_minor - @Amount,
                status = case when balance_minor - @Amount = 0 then 'paid' else 'partially_paid' end
            where id = @InvoiceId
            returning account_id, balance_minor, status
            """;
        var claimed = await db.QueryAsync<HoldsSql.HoldRow>(claimSql, new { command.PaymentId, Now = clock.GetUtcNow() }, ct);
        foreach (var hold in claimed.OrderBy(h => h.InvoiceId))
        {
            var invoice = await db.QuerySingleOrDefaultAsync<HoldsSql.BalanceRow>(applySql, new { hold.InvoiceId, Amount = hold.AmountMinor }, ct);
            outbox.Add(new InvoiceBalanceChangedEvent(hold.InvoiceId, invoice!.AccountId, command.PaymentId, Money.Dollars(invoice.BalanceMinor), invoice.Status));
            if (invoice.Status == InvoiceStatus.Paid)
                outbox.Add(new InvoicePaidEvent(hold.InvoiceId, invoice.AccountId, command.PaymentId));
        }
    }
}

internal sealed class ReleaseHoldsCommandHandler(IDatabase db, TimeProvider clock) : AsyncRequestHandler<ReleaseHoldsCommand>
{
    protected override async Task Handle(ReleaseHoldsCommand command, CancellationToken ct)
    {
        const string claimSql = """
            update invoicing_holds set status = 'released', released_at = @Now
            where payment_id = @PaymentId and status = 'held'
            returning invoice_id, amount_minor
            """;
        const string releaseSql = "update invoicing_invoices set held_minor = held_minor - @Amount where id = @InvoiceId";
        var claimed = await db.QueryAsync<HoldsSql.HoldRow>(claimSql, new { command.PaymentId, Now = clock.GetUtcNow() }, ct);
        foreach (var hold in claimed.OrderBy(h => h.InvoiceId))
            await db.ExecuteAsync(releaseSql, new { hold.InvoiceId, Amount = hold.AmountMinor }, ct);
    }
}
