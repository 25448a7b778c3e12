using System.Collections.Concurrent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Finds the work of a batch of accounts with three queries (their due invoices, latest attempts and marks), then works
/// through the batch's accounts with bounded parallelism, each item (card check, notice, charge) in a fresh scope with its
/// own transaction. Every item is guarded by state (attempt rows, marks), so a repeated, late, overlapping or second-host
/// run changes nothing twice.
/// </summary>
internal sealed class RunAutopayCommandHandler(IDatabase db, IServiceScopeFactory scopes, IMediator mediator, AutopayOptions options,
    TimeProvider clock, ILogger<RunAutopayCommandHandler> logger, PaymentsMetrics metrics) : IRequestHandler<RunAutopayCommand, SweepResult>
{
    internal const int BatchSize = 500;

    public async Task<SweepResult> Handle(RunAutopayCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tally = new Tally();
        foreach (var batch in (await AutopaySql.AccountsAsync(db, null, ct)).Chunk(BatchSize))
        {
            var ids = batch.Select(a => a.AccountId).ToList();
            // Every open invoice, not only those due soon: the card check compares the card's expiry with the next charge.
            var invoices = (await mediator.Send(new GetDueInvoicesQuery(ids, null), ct)).ToLookup(i => i.AccountId, i => i.Invoice);
            var attempts = await AutopaySql.LatestAttemptsAsync(db, ids, ct);
            var marks = await AutopaySql.MarksAsync(db, ids, ct);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct },
                (account, token) => new ValueTask(AccountAsync(account, invoices[account.AccountId].ToList(), attempts, marks, now, tally, token)));
        }
        metrics.AutopayRun(tally.Succeeded);
        return new SweepResult(tally.Found, tally.Succeeded, tally.Failed) { Errors = [.. tally.Errors] };
    }

    private async Task AccountAsync(AutopayAccount account, List<InvoiceDto> invoices, IReadOnlyDictionary<Guid, AttemptState> attempts,
        IReadOnlySet<(Guid, string)> marks, DateTimeOffset now, Tally tally, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var work = invoices.Select(i => (Invoice: i, Decision: AutopayRules.Decide(account, i, attempts.GetValueOrDefault(i.InvoiceId),
            marks.Contains((i.InvoiceId, AutopayMark.Skipped)), options.RetryAfterDays, now))).ToList();
        var next = work.Where(w => w.Decision.IsPlanned).Select(w => (DateOnly?)w.Decision.Day).Min();
        if (!await ItemAsync(new CheckAutopayCardCommand(account, next), $"card of {account.AccountId}", tally, count: false, ct))
            return;
        foreach (var (invoice, decision) in work.Where(w => w.Decision.Day <= today.AddDays(options.NoticeDays)))
        {
            if (decision.Action == AutopayAction.OverLimit && !marks.Contains((invoice.InvoiceId, AutopayMark.OverLimit)))
                await ItemAsync(new ReportAutopayOverLimitCommand(account, invoice), invoice.InvoiceNumber, tally, count: false, ct);
            if (decision is { Action: AutopayAction.Charge, Attempt: 1 } && !marks.Contains((invoice.InvoiceId, AutopayMark.Notice)))
                await ItemAsync(new SendAutopayNoticeCommand(account, invoice, decision.Day), invoice.InvoiceNumber, tally, count: false, ct);
            if (decision.Action == AutopayAction.Charge && decision.Day <= today)
            {
                Interlocked.Increment(ref tally.Found);
                await ItemAsync(new ChargeAutopayInvoiceCommand(account, invoice.InvoiceId, decision.Attempt, attempts.GetValueOrDefault(invoice.InvoiceId)),
                    invoice.InvoiceNumber, tally, count: true, ct);
            }
        }
    }

    // One item in its own scope (own connection and transaction); a failure is logged and counted, and the sweep moves on.
    private async Task<bool> ItemAsync(IRequest<bool> item, string what, Tally tally, bool count, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var done = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(item, ct);
            if (done && count)
                Interlocked.Increment(ref tally.Succeeded);
            return done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Interlocked.Increment(ref tally.Failed);
            tally.Errors.Enqueue($"{what}: {ex.GetType().Name}");
            logger.LogWarning(ex, "Autopay could not finish {Item} for {What}", item.GetType().Name, what);
            // A failed card check or notice must not hold up the charges; the processor refuses an expired card anyway.
            return !count;
        }
    }

    private sealed class Tally
    {
        public int Found;
        public int Succeeded;
        public int Failed;
        public readonly ConcurrentQueue<string> Errors = new();
    }
}
