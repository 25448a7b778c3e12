namespace Portal.Modules.Invoicing.Invoices;

internal static class InvoiceStatus
{
    public const string Scheduled = "scheduled";
    public const string Open = "open";
    public const string PartiallyPaid = "partially_paid";
    public const string Paid = "paid";
    public const string Void = "void";

    public static readonly IReadOnlyList<string> All = [Scheduled, Open, PartiallyPaid, Paid, Void];
}
