using System.Globalization;

namespace Portal.Host.Documents;

/// <summary>The words documents use for statuses, dates and references: the customer's words, not the processor's.</summary>
internal static class DocumentWords
{
    public static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The short form for table cells, so a date keeps to one line.</summary>
    public static string ShortDate(DateOnly date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string ShortDate(DateTimeOffset at) => at.UtcDateTime.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A short payment reference a person can read out on the phone: the first 8 characters of its id.</summary>
    public static string PaymentReference(Guid paymentId) => paymentId.ToString("N")[..8].ToUpperInvariant();

    public static string InvoiceStatus(string status) => status switch
    {
        "open" => "Open",
        "partially_paid" => "Partly paid",
        "paid" => "Paid",
        "void" => "Void",
        _ => status,
    };

    public static string PaymentStatus(string status) => status switch
    {
        "authorised" => "Paid",
        "pending" => "Pending: the bank has not confirmed it yet",
        "partially_refunded" => "Paid, partly refunded",
        "refunded" => "Refunded",
        _ => status,
    };

    public static string Method(string type, string? brand, string? last4) => type == "ach"
        ? $"Bank account ••{last4}"
        : $"{Brand(brand)} ••{last4}";

    private static string Brand(string? brand) => brand?.ToLowerInvariant() switch
    {
        "visa" => "Visa",
        "mc" or "mastercard" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        null or "" => "Card",
        var other => other,
    };
}
