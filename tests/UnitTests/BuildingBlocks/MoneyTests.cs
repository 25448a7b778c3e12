using Portal.BuildingBlocks;

namespace Portal.UnitTests.BuildingBlocks;

public sealed class MoneyTests
{
    [Fact]
    public void Adding_and_subtracting_keeps_whole_cents()
    {
        var total = Money.Dollars(12_550) + Money.Dollars(1) - Money.Dollars(51);

        Assert.Equal(Money.Dollars(12_500), total);
    }

    [Fact]
    public void Combining_two_currencies_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Dollars(1) + new Money("EUR", 1));
    }

    [Fact]
    public void Overflow_is_refused_rather_than_wrapping()
    {
        Assert.Throws<OverflowException>(() => Money.Dollars(long.MaxValue) + Money.Dollars(1));
    }

    [Theory]
    [InlineData(0, "$0.00")]
    [InlineData(5, "$0.05")]
    [InlineData(123_456_789, "$1,234,567.89")]
    [InlineData(-2_500, "-$25.00")]
    public void Dollars_format_for_people(long cents, string expected)
    {
        Assert.Equal(expected, Money.Dollars(cents).ToString());
    }

    [Fact]
    public void Comparison_follows_the_amount()
    {
        Assert.True(Money.Dollars(2) > Money.Dollars(1));
        Assert.True(Money.Dollars(1) <= Money.Dollars(1));
        Assert.False(Money.Dollars(1) < Money.Dollars(1));
    }
}
