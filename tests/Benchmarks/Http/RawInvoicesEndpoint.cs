using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Benchmarks.Http;

// The floor for the customer invoice list: /bench/raw-invoices?accountId= runs the list query's SQL with Dapper and writes the same JSON,
// branched off before the Host's pipeline, so no auth, rate limiter, routing, mediator or behaviours. Registered only by the wrk harness.
internal sealed class RawInvoicesStartupFilter : IStartupFilter
{
    public const string Path = "/bench/raw-invoices";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, raw => raw.Run(RawInvoicesEndpoint.HandleAsync));
        next(app);
    };
}

internal static class RawInvoicesEndpoint
{
    private const int Limit = 20;

    // The text of GetInvoicesQueryHandler's SQL; the harness compares both responses byte for byte before it measures.
    private const string Sql = $"""
        select {InvoiceRow.Columns} from invoicing_invoices
        where account_id = @AccountId and status in (@S0, @S1, @S2, @S3)
          and invoice_date >= @From and invoice_date <= @Thru
          and (due_date > @AfterDue or (due_date = @AfterDue and invoice_number > @AfterNumber))
        order by due_date, invoice_number
        limit @Take
        """;

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var ct = context.RequestAborted;
        var accountId = Guid.Parse(context.Request.Query["accountId"].ToString());
        var options = services.GetRequiredService<InvoicingOptions>();
        await using var connection = await services.GetRequiredService<ConnectionFactory>().OpenAsync(ct);
        var rows = (await connection.QueryAsync<InvoiceRow>(new CommandDefinition(Sql, new
        {
            AccountId = accountId,
            S0 = "open",
            S1 = "partially_paid",
            S2 = "partially_paid",
            S3 = "partially_paid",
            From = options.VisibleFrom(null),
            Thru = DateOnly.MaxValue,
            AfterDue = DateOnly.MinValue,
            AfterNumber = "",
            Take = Limit + 1,
        }, cancellationToken: ct))).AsList();
        Page<Modules.Invoicing.Contracts.Invoices.InvoiceDto> page = InvoiceCursor.ToPage(rows, Limit, r => r.ToDto());
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        await context.Response.WriteAsJsonAsync(page, json, ct);
    }
}
