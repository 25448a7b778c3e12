using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Reminders;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Reminders;

/// <summary>
/// Reads every open invoice in a reminder stage with one query, leaves out stages already recorded, then per invoice claims
/// the stage in its own transaction, mails outside any transaction and records the outcome. Account data (name, recipients,
/// autopay plan) is read once per account.
/// </summary>
internal sealed class SendInvoiceRemindersCommandHandler(
    IDatabase db, IMediator mediator, IServiceScopeFactory scopes, InvoiceMailer mailer, ReminderOptions options, InvoicingOptions invoicing,
    TimeProvider clock, ILogger<SendInvoiceRemindersCommandHandler> logger, InvoicingMetrics metrics) : IRequestHandler<SendInvoiceRemindersCommand, SweepResult>
{
    // Open, unpaid, no payment pending (held), visible in the portal, and no later than N days before due.
    private const string CandidatesSql = """
        select id, account_id, invoice_number, due_date, total_minor, total_currency, balance_minor from invoicing_invoices
        where status in ('open', 'partially_paid') and balance_minor > 0 and held_minor = 0
          and due_date <= @Horizon and invoice_date >= @VisibleFrom
        order by account_id, due_date, id
        """;

    private const string RecordedSql = """
        select n.invoice_id, n.stage, n.claimed_at from invoicing_notices n join invoicing_invoices i on i.id = n.invoice_id
        where i.status in ('open', 'partially_paid') and i.balance_minor > 0 and i.held_minor = 0
          and i.due_date <= @Horizon and i.invoice_date >= @VisibleFrom
        """;

    public async Task<SweepResult> Handle(SendInvoiceRemindersCommand command, CancellationToken ct)
    {
        if (!options.Enabled)
            return SweepResult.Empty;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var window = new { Horizon = today.AddDays(options.DaysBeforeDue), VisibleFrom = invoicing.VisibleFrom(null) };
        var notices = await db.QueryAsync<RecordedRow>(RecordedSql, window, ct);
        var recorded = notices.Select(r => (r.InvoiceId, r.Stage)).ToHashSet();
        var postedOn = notices.Where(r => r.Stage == ReminderStage.Posted)
            .ToDictionary(r => r.InvoiceId, r => DateOnly.FromDateTime(r.ClaimedAt.UtcDateTime));
        var due = (await db.QueryAsync<CandidateRow>(CandidatesSql, window, ct))
            .Select(row => (Row: row, Stage: ReminderStage.Current(today, row.DueDate, options)))
            .Where(c => c.Stage is not null && !recorded.Contains((c.Row.Id, c.Stage)) && !PostedNoticeCovers(c.Row, c.Stage, postedOn))
            .ToList();

        int found = 0, sent = 0;
        var errors = new List<string>();
        foreach (var account in due.GroupBy(c => c.Row.AccountId))
        {
            AccountAudience audience;
            try
            {
                audience = await InvoiceMailer.AudienceAsync(mediator, account.Key, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reading who to remind for account {AccountId} failed", account.Key);
                found += account.Count();
                errors.Add($"account {account.Key}: {ex.Message}");
                continue;
            }
            // Autopay will charge these; the autopay notice tells the customer instead.
            var covered = audience.Autopay.Charges.Select(c => c.InvoiceId).ToHashSet();
            foreach (var (row, stage) in account.Where(c => !covered.Contains(c.Row.Id)))
            {
                found++;
                try
                {
                    if (await SendOneAsync(row.ToNotice(), stage!, audience, now, ct))
                    {
                        sent++;
                        metrics.ReminderSent(stage!);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Reminder {Stage} for invoice {InvoiceId} failed", stage, row.Id);
                    errors.Add($"{row.InvoiceNumber} {stage}: {ex.Message}");
                }
            }
        }
        return new SweepResult(found, sent, errors.Count) { Errors = errors };
    }

    // An invoice posted within the before-due window was just announced with its due date; a "due soon" reminder beside it adds nothing.
    private bool PostedNoticeCovers(CandidateRow row, string? stage, Dictionary<Guid, DateOnly> postedOn) =>
        stage == ReminderStage.BeforeDue && postedOn.TryGetValue(row.Id, out var posted) && posted >= row.DueDate.AddDays(-options.DaysBeforeDue);

    // False when another run got there first or the invoice changed since it was read.
    private async Task<bool> SendOneAsync(InvoiceNotice invoice, string stage, AccountAudience audience, DateTimeOffset now, CancellationToken ct)
    {
        if (!await SendInScopeAsync(new ClaimInvoiceNoticeCommand(invoice.InvoiceId, stage, now), ct))
            return false;
        var (recipients, error) = await mailer.SendAsync(stage, invoice, audience, ct);
        // Released only when nobody was mailed, so the next run tries again; after a partial send the claim stays rather than mail twice.
        await SendInScopeAsync(new FinishInvoiceNoticeCommand(invoice.InvoiceId, stage, recipients, Sent: recipients > 0 || error is null, clock.GetUtcNow()),
            CancellationToken.None);
        if (error is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return true;
    }

    private async Task<T> SendInScopeAsync<T>(IRequest<T> request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    private sealed record RecordedRow
    {
        public Guid InvoiceId { get; init; }
        public string Stage { get; init; } = "";
        public DateTimeOffset ClaimedAt { get; init; }
    }

    private sealed record CandidateRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string InvoiceNumber { get; init; } = "";
        public DateOnly DueDate { get; init; }
        public long TotalMinor { get; init; }
        public string TotalCurrency { get; init; } = Money.Usd;
        public long BalanceMinor { get; init; }

        public InvoiceNotice ToNotice() => new(Id, AccountId, InvoiceNumber, DueDate,
            new Money(TotalCurrency, TotalMinor), new Money(TotalCurrency, BalanceMinor));
    }
}
