namespace Portal.Modules.Invoicing.Invoices;

// Invoices dated before the cutover were billed by the old system and are never shown to customers.
internal sealed record InvoicingOptions(DateOnly? CutoverDate)
{
    public DateOnly VisibleFrom(DateOnly? from) =>
        CutoverDate is { } cutover && (from is null || from < cutover) ? cutover : from ?? DateOnly.MinValue;
}
