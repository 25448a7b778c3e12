using Portal.BuildingBlocks.Errors;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Holds;

// A payment may only take what no other payment has reserved: Available is the balance minus their holds.
internal sealed record HoldableInvoice(Guid Id, string InvoiceNumber, DateOnly DueDate, string Status, bool AllowPartialPayment, long AvailableMinor)
{
    public bool IsOpen => Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;
}

internal static class HoldAllocator
{
    public static IReadOnlyList<(Guid InvoiceId, long AmountMinor)> Allocate(
        IReadOnlyList<HoldableInvoice> invoices, long amountMinor, IReadOnlyList<(Guid InvoiceId, long AmountMinor)>? requested) =>
        requested is { Count: > 0 } ? Check(invoices, requested) : OldestDueFirst(invoices, amountMinor);

    private static IReadOnlyList<(Guid, long)> Check(IReadOnlyList<HoldableInvoice> invoices, IReadOnlyList<(Guid InvoiceId, long AmountMinor)> requested)
    {
        foreach (var (invoiceId, amount) in requested)
        {
            var invoice = invoices.FirstOrDefault(i => i.Id == invoiceId) ?? throw new NotFoundException($"Invoice {invoiceId} was not found.");
            if (!invoice.IsOpen)
                throw new BusinessRuleException("invoice_not_open", $"Invoice {invoice.InvoiceNumber} is not open.");
            if (amount > invoice.AvailableMinor)
                throw new BusinessRuleException("amount_exceeds_open_balance", $"The amount exceeds the open balance of invoice {invoice.InvoiceNumber}.");
            if (amount < invoice.AvailableMinor && !invoice.AllowPartialPayment)
                throw PartialNotAllowed(invoice);
        }
        return requested;
    }

    // An invoice that must be paid in full is taken only when what is left covers it; otherwise the next one is tried.
    private static IReadOnlyList<(Guid, long)> OldestDueFirst(IReadOnlyList<HoldableInvoice> invoices, long amountMinor)
    {
        var candidates = invoices.Where(i => i.IsOpen && i.AvailableMinor > 0)
            .OrderBy(i => i.DueDate).ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal).ToList();
        if (amountMinor > candidates.Sum(i => i.AvailableMinor))
            throw new BusinessRuleException("amount_exceeds_open_balance", "The amount exceeds the open balance.");
        var allocations = new List<(Guid, long)>();
        var left = amountMinor;
        HoldableInvoice? skipped = null;
        foreach (var invoice in candidates.TakeWhile(_ => left > 0))
        {
            if (left < invoice.AvailableMinor && !invoice.AllowPartialPayment)
            {
                skipped ??= invoice;
                continue;
            }
            var take = Math.Min(left, invoice.AvailableMinor);
            allocations.Add((invoice.Id, take));
            left -= take;
        }
        if (left > 0)
            throw PartialNotAllowed(skipped!);
        return allocations;
    }

    private static BusinessRuleException PartialNotAllowed(HoldableInvoice invoice) =>
        new("partial_payment_not_allowed", $"Invoice {invoice.InvoiceNumber} must be paid in full.");
}
