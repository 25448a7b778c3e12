using MediatR;
using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Infrastructure;

/// <summary>Invoices for the demo account: one overdue, two coming due (one paid in full only), one already paid, one scheduled.</summary>
internal static class DemoInvoices
{
    public static async Task SeedAsync(IMediator mediator, Guid account, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await InvoiceAsync(mediator, account, "INV-1001", today.AddDays(-40), today.AddDays(-10), [("Weekly mowing, 4 visits", 4m, 4_500), ("Edging", 1m, 6_000)], ct: ct);
        await InvoiceAsync(mediator, account, "INV-1002", today.AddDays(-25), today.AddDays(5), [("Spring cleanup", 1m, 32_500), ("Mulch, premium (yd³)", 3.5m, 4_200)], ct: ct);
        await InvoiceAsync(mediator, account, "INV-1003", today.AddDays(-10), today.AddDays(20), [("Irrigation start-up", 1m, 18_900)], partial: false, ct: ct);
        var paid = await InvoiceAsync(mediator, account, "INV-0998", today.AddDays(-70), today.AddDays(-40), [("Winter clean-up", 1m, 21_000)], ct: ct);
        var payment = Guid.NewGuid();
        await mediator.Send(new PlaceHoldsCommand(payment, account, Money.Dollars(21_000), [new AllocationDto(paid, Money.Dollars(21_000))]), ct);
        await mediator.Send(new ApplyHoldsCommand(payment), ct);
        await InvoiceAsync(mediator, account, "INV-1004", today, today.AddDays(30), [("Aeration", 1m, 14_000)], postAt: clock.GetUtcNow().AddDays(2), ct: ct);
    }

    private static async Task<Guid> InvoiceAsync(IMediator mediator, Guid account, string number, DateOnly date, DateOnly due,
        (string Description, decimal Quantity, long UnitCents)[] lines, bool partial = true, DateTimeOffset? postAt = null, CancellationToken ct = default) =>
        (await mediator.Send(new CreateInvoiceCommand(account, number, date, due, postAt,
            lines.Select(l => new InvoiceLineInputDto(l.Description, l.Quantity, Money.Dollars(l.UnitCents))).ToList(), partial), ct)).InvoiceId;
}
