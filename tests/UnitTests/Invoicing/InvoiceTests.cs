using Portal.Modules.Invoicing.Invoices;

namespace Portal.UnitTests.Invoicing;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("1.5", 3, 5)]
    [InlineData("2.5", 1, 3)]
    [InlineData("0.3333", 100, 33)]
    [InlineData("3", 12550, 37650)]
    [InlineData("0.125", 4, 1)]
    public void LineAmount_rounds_half_away_from_zero_to_the_cent(string quantity, long unitPrice, long expected)
    {
        Assert.Equal(expected, Invoice.LineAmount(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), unitPrice));
    }

    [Fact]
    public void Create_with_post_at_in_the_future_is_scheduled_and_unposted()
    {
        var invoice = Invoice.Create(Guid.NewGuid(), "INV-1", Today, Today, Now.AddSeconds(1), true, [("x", 1m, 100)], Now);

        Assert.Equal((InvoiceStatus.Scheduled, (DateTimeOffset?)null), (invoice.Status, invoice.PostedAt));
    }

    [Fact]
    public void Create_with_post_at_now_is_open_and_posted()
    {
        var invoice = Invoice.Create(Guid.NewGuid(), "INV-1", Today, Today, Now, true, [("x", 1m, 100)], Now);

        Assert.Equal((InvoiceStatus.Open, (DateTimeOffset?)Now), (invoice.Status, invoice.PostedAt));
    }

    [Fact]
    public void Create_totals_the_rounded_line_amounts()
    {
        var invoice = Invoice.Create(Guid.NewGuid(), "INV-1", Today, Today, null, true, [("a", 1.5m, 3), ("b", 1.5m, 3)], Now);

        Assert.Equal(10, invoice.TotalMinor);
    }

    [Theory]
    [InlineData("INV-2026/001", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("a,b", false)]
    public void IsValidNumber_allows_only_plain_characters(string number, bool valid)
    {
        Assert.Equal(valid, Invoice.IsValidNumber(number));
    }
}
