using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

// Posts in set-based batches rather than one command per invoice: a month-end run of 100,000 invoices must take seconds.
// Each batch is its own transaction in its own scope, so a failure loses at most one batch, which the next run picks up.
internal sealed class PostDueInvoicesCommandHandler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PostDueInvoicesCommandHandler> logger)
    : IRequestHandler<PostDueInvoicesCommand, SweepResult>
{
    internal const int BatchSize = 1000;

    public async Task<SweepResult> Handle(PostDueInvoicesCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var posted = 0;
        while (true)
        {
            int batch;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                batch = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PostInvoiceBatchCommand(now, BatchSize), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Posting a batch of due invoices failed after {Posted} were posted", posted);
                return new SweepResult(posted + 1, posted, 1) { Errors = [ex.Message] };
            }
            posted += batch;
            if (batch < BatchSize)
                return new SweepResult(posted, posted, 0);
        }
    }
}

internal sealed record PostInvoiceBatchCommand(DateTimeOffset Now, int Size) : ICommand<int>;

internal sealed class PostInvoiceBatchCommandHandler(IDatabase db, IOutbox outbox) : IRequestHandler<PostInvoiceBatchCommand, int>
{
    // The status guard in the update makes concurrent and repeated runs post each invoice once;
    // on PostgreSQL, skip locked lets two hosts take different batches instead of queueing behind each other.
    private const string PostgresSql = """
        update invoicing_invoices set status = 'open', posted_at = @Now
        where id in (select id from invoicing_invoices
                     where status = 'scheduled' and post_at <= @Now
                     order by post_at, id limit @Size
                     for update skip locked)
          and status = 'scheduled'
        returning id, account_id, invoice_number, invoice_date, due_date, total_minor
        """;

    private const string SqliteSql = """
        update invoicing_invoices set status = 'open', posted_at = @Now
        where id in (select id from invoicing_invoices
                     where status = 'scheduled' and post_at <= @Now
                     order by post_at, id limit @Size)
          and status = 'scheduled'
        returning id, account_id, invoice_number, invoice_date, due_date, total_minor
        """;

    public async Task<int> Handle(PostInvoiceBatchCommand command, CancellationToken ct)
    {
        var rows = await db.QueryAsync<PostedRow>(db.Dialect == SqlDialect.Postgres ? PostgresSql : SqliteSql, command, ct);
        foreach (var row in rows)
            outbox.Add(new InvoicePostedEvent(row.Id, row.AccountId, row.InvoiceNumber, row.InvoiceDate, row.DueDate, Money.Dollars(row.TotalMinor)));
        return rows.Count;
    }

    private sealed record PostedRow
    {
        public Guid Id { get; init; }

        public Guid AccountId { get; init; }

        public string InvoiceNumber { get; init; } = "";

        public DateOnly InvoiceDate { get; init; }

        public DateOnly DueDate { get; init; }

        public long TotalMinor { get; init; }
    }
}
