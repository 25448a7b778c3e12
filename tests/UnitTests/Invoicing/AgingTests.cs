using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Reports;

namespace Portal.UnitTests.Invoicing;

public sealed class AgingTests
{
    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(60, 2)]
    [InlineData(61, 3)]
    [InlineData(90, 3)]
    [InlineData(91, 4)]
    public void Bucket_puts_days_past_due_in_the_right_column(int daysPastDue, int bucket)
    {
        Assert.Equal(bucket, Aging.Bucket(daysPastDue));
    }

    [Fact]
    public void Row_sums_the_balances_of_each_bucket()
    {
        var asOf = new DateOnly(2026, 6, 30);

        var row = Aging.Row(Guid.Empty, [(asOf, 100), (asOf.AddDays(-10), 200), (asOf.AddDays(-20), 300), (asOf.AddDays(-120), 400)], asOf);

        Assert.Equal(
            (Money.Dollars(100), Money.Dollars(500), Money.Dollars(0), Money.Dollars(0), Money.Dollars(400)),
            (row.Current, row.Days1To30, row.Days31To60, row.Days61To90, row.Over90));
    }
}
