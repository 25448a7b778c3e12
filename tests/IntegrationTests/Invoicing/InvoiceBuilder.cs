using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Invoicing;

/// <summary>Test data for invoices: AnInvoice(account).Due(day).Lines(...).</summary>
public sealed record InvoiceBuilder(
    Guid AccountId,
    string Number,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    DateTimeOffset? PostAt,
    bool AllowPartial,
    IReadOnlyList<InvoiceLineInputDto> Lines)
{
    private static int counter;

    public static DateOnly Today { get; } = DateOnly.FromDateTime(ManualClock.DefaultStart.UtcDateTime);

    public static InvoiceBuilder AnInvoice(Guid accountId, long totalCents = 10_000) => new(
        accountId, $"INV-{Interlocked.Increment(ref counter):00000}", Today, Today.AddDays(30), null, true,
        [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(totalCents))]);

    public InvoiceBuilder Numbered(string number) => this with { Number = number };

    public InvoiceBuilder Dated(DateOnly date) => this with { InvoiceDate = date, DueDate = date > DueDate ? date : DueDate };

    public InvoiceBuilder Due(DateOnly date) => this with { DueDate = date, InvoiceDate = date < InvoiceDate ? date : InvoiceDate };

    public InvoiceBuilder PostingAt(DateTimeOffset at) => this with { PostAt = at };

    public InvoiceBuilder NoPartialPayment() => this with { AllowPartial = false };

    public InvoiceBuilder WithLines(params InvoiceLineInputDto[] lines) => this with { Lines = lines };

    public CreateInvoiceCommand Build() => new(AccountId, Number, InvoiceDate, DueDate, PostAt, Lines, AllowPartial);
}

internal static class InvoicingTestExtensions
{
    public static Task<Guid> CreateAccountAsync(this PortalTestHost portal, string number = "A-1") =>
        portal.SendAsync(new CreateAccountCommand(number, $"Account {number}", $"{number.ToLowerInvariant()}@billing.test"));

    public static async Task<Guid> CreateInvoiceAsync(this PortalTestHost portal, InvoiceBuilder invoice) =>
        (await portal.SendAsync(invoice.Build())).InvoiceId;

    public static async Task<long> EventCountAsync<TEvent>(this PortalTestHost portal) =>
        (await portal.QueryAsync<long>("select count(*) from outbox_messages where type = @Type", new { Type = typeof(TEvent).FullName })).Single();

    public static async Task<BackofficeInvoiceDto> BackofficeInvoiceAsync(this PortalTestHost portal, Guid invoiceId, Guid accountId) =>
        (await portal.SendAsync(new GetBackofficeInvoicesQuery(accountId, Limit: 200))).Items.Single(i => i.InvoiceId == invoiceId);
}
