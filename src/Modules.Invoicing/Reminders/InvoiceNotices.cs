using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Reminders;

/// <summary>Records that a stage is being mailed; false when it already was (or the invoice no longer needs it).</summary>
internal sealed record ClaimInvoiceNoticeCommand(Guid InvoiceId, string Stage, DateTimeOffset Now) : ICommand<bool>;

/// <summary>Marks a claimed stage as mailed to that many people, or releases the claim when nothing could be sent.</summary>
internal sealed record FinishInvoiceNoticeCommand(Guid InvoiceId, string Stage, int Recipients, bool Sent, DateTimeOffset Now) : ICommand;

internal sealed class ClaimInvoiceNoticeCommandHandler(IDatabase db) : IRequestHandler<ClaimInvoiceNoticeCommand, bool>
{
    // The primary key makes the claim exactly-once across concurrent runs and hosts; the state guard skips an invoice that
    // was paid, voided or got a pending payment since the sweep read it.
    private const string Sql = """
        insert into invoicing_notices (invoice_id, stage, account_id, claimed_at)
        select id, @Stage, account_id, @Now from invoicing_invoices
        where id = @InvoiceId and status in ('open', 'partially_paid') and balance_minor > 0 and held_minor = 0
        on conflict do nothing
        """;

    public async Task<bool> Handle(ClaimInvoiceNoticeCommand command, CancellationToken ct) =>
        await db.ExecuteAsync(Sql, command, ct) == 1;
}

internal sealed class FinishInvoiceNoticeCommandHandler(IDatabase db) : AsyncRequestHandler<FinishInvoiceNoticeCommand>
{
    private const string SentSql = """
        update invoicing_notices set sent_at = @Now, recipients = @Recipients
        where invoice_id = @InvoiceId and stage = @Stage and sent_at is null
        """;

    // Only a claim whose email never went out is released, so the next run can try again.
    private const string ReleaseSql = """
        delete from invoicing_notices where invoice_id = @InvoiceId and stage = @Stage and sent_at is null
        """;

    protected override async Task Handle(FinishInvoiceNoticeCommand command, CancellationToken ct) =>
        await db.ExecuteAsync(command.Sent ? SentSql : ReleaseSql, command, ct);
}
