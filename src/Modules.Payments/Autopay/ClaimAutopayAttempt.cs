using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Claims one autopay attempt for an invoice unless the customer skipped it: false when skipped or already claimed.
/// One transaction that first locks the account's autopay row, as the skip does, so a skip and a charge never both win.
/// </summary>
internal sealed record ClaimAutopayAttemptCommand(Guid AccountId, Guid InvoiceId, int Attempt) : ICommand<bool>;

internal sealed class ClaimAutopayAttemptCommandHandler(IDatabase db, TimeProvider clock) : IRequestHandler<ClaimAutopayAttemptCommand, bool>
{
    private const string Skipped = "select count(*) from payments_autopay_marks where invoice_id = @InvoiceId and kind = @Kind";

    private const string Claim = """
        insert into payments_autopay_attempts (invoice_id, attempt, account_id, status, attempted_at)
        values (@InvoiceId, @Attempt, @AccountId, 'charging', @Now) on conflict (invoice_id, attempt) do nothing
        """;

    public async Task<bool> Handle(ClaimAutopayAttemptCommand command, CancellationToken ct)
    {
        await AutopaySql.LockAccountAsync(db, command.AccountId, ct);
        if (await db.ExecuteScalarAsync<long>(Skipped, new { command.InvoiceId, Kind = AutopayMark.Skipped }, ct) > 0)
            return false;
        return await db.ExecuteAsync(Claim, new { command.InvoiceId, command.Attempt, command.AccountId, Now = clock.GetUtcNow() }, ct) == 1;
    }
}
