using Portal.BuildingBlocks.Errors;
using Portal.Modules.Invoicing.Holds;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.UnitTests.Invoicing;

public sealed class HoldAllocatorTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static HoldableInvoice Open(string number, int dueInDays, long available, bool partial = true) =>
        new(Guid.NewGuid(), number, Day.AddDays(dueInDays), InvoiceStatus.Open, partial, available);

    [Fact]
    public void Allocate_without_allocations_fills_oldest_due_first()
    {
        var newer = Open("B", 20, 5_000);
        var older = Open("A", 10, 3_000);

        var result = HoldAllocator.Allocate([newer, older], 4_000, null);

        Assert.Equal([(older.Id, 3_000L), (newer.Id, 1_000L)], result);
    }

    [Fact]
    public void Allocate_without_allocations_orders_same_due_date_by_number()
    {
        var second = Open("INV-2", 10, 1_000);
        var first = Open("INV-1", 10, 1_000);

        var result = HoldAllocator.Allocate([second, first], 1_000, null);

        Assert.Equal([(first.Id, 1_000L)], result);
    }

    [Fact]
    public void Allocate_without_allocations_refuses_a_partial_last_invoice_that_forbids_it()
    {
        var error = Assert.Throws<BusinessRuleException>(() => HoldAllocator.Allocate([Open("A", 1, 1_000), Open("B", 2, 5_000, partial: false)], 2_000, null));

        Assert.Equal("partial_payment_not_allowed", error.Code);
    }

    [Fact]
    public void Allocate_without_allocations_above_what_is_open_is_refused()
    {
        var error = Assert.Throws<BusinessRuleException>(() => HoldAllocator.Allocate([Open("A", 1, 1_000), Open("B", 2, 2_000)], 3_001, null));

        Assert.Equal("amount_exceeds_open_balance", error.Code);
    }

    [Fact]
    public void Allocate_without_allocations_skips_invoices_fully_held_by_others()
    {
        var taken = Open("A", 1, 0);
        var free = Open("B", 2, 2_000);

        var result = HoldAllocator.Allocate([taken, free], 2_000, null);

        Assert.Equal([(free.Id, 2_000L)], result);
    }

    [Fact]
    public void Allocate_with_allocations_above_an_invoice_balance_is_refused()
    {
        var invoice = Open("A", 1, 1_000);

        var error = Assert.Throws<BusinessRuleException>(() => HoldAllocator.Allocate([invoice], 1_001, [(invoice.Id, 1_001)]));

        Assert.Equal("amount_exceeds_open_balance", error.Code);
    }

    [Fact]
    public void Allocate_with_partial_allocation_where_not_allowed_is_refused()
    {
        var invoice = Open("A", 1, 1_000, partial: false);

        var error = Assert.Throws<BusinessRuleException>(() => HoldAllocator.Allocate([invoice], 500, [(invoice.Id, 500)]));

        Assert.Equal("partial_payment_not_allowed", error.Code);
    }

    [Fact]
    public void Allocate_with_allocation_on_a_paid_invoice_is_refused()
    {
        var paid = Open("A", 1, 0) with { Status = InvoiceStatus.Paid };

        var error = Assert.Throws<BusinessRuleException>(() => HoldAllocator.Allocate([paid], 100, [(paid.Id, 100)]));

        Assert.Equal("invoice_not_open", error.Code);
    }

    [Fact]
    public void Allocate_with_allocations_keeps_them_as_given()
    {
        var a = Open("A", 1, 1_000);
        var b = Open("B", 2, 1_000, partial: false);

        var result = HoldAllocator.Allocate([a, b], 1_400, [(b.Id, 1_000), (a.Id, 400)]);

        Assert.Equal([(b.Id, 1_000L), (a.Id, 400L)], result);
    }

    [Fact]
    public void Allocate_with_allocation_on_an_unknown_invoice_is_not_found()
    {
        Assert.Throws<NotFoundException>(() => HoldAllocator.Allocate([Open("A", 1, 1_000)], 100, [(Guid.NewGuid(), 100)]));
    }
    [Fact]
    public void Allocate_without_allocations_moves_past_a_pay_in_full_invoice_it_cannot_cover()
    {
        var whole = Open("A", 1, 5_000, partial: false);
        var next = Open("B", 2, 3_000);

        var result = HoldAllocator.Allocate([whole, next], 2_000, null);

        Assert.Equal([(next.Id, 2_000L)], result);
    }

    [Fact]
    public void Allocate_without_allocations_pays_a_pay_in_full_invoice_in_full_when_the_amount_covers_it()
    {
        var whole = Open("A", 1, 1_000, partial: false);
        var next = Open("B", 2, 3_000);

        var result = HoldAllocator.Allocate([whole, next], 2_500, null);

        Assert.Equal([(whole.Id, 1_000L), (next.Id, 1_500L)], result);
    }

    [Fact]
    public void Allocate_without_allocations_skips_a_pay_in_full_invoice_and_comes_back_to_none_later()
    {
        var big = Open("A", 1, 5_000, partial: false);
        var small = Open("B", 2, 1_000, partial: false);
        var last = Open("C", 3, 4_000);

        var result = HoldAllocator.Allocate([big, small, last], 3_000, null);

        Assert.Equal([(small.Id, 1_000L), (last.Id, 2_000L)], result);
    }

    [Fact]
    public void Allocate_without_allocations_that_only_fits_pay_in_full_invoices_partly_is_refused()
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            HoldAllocator.Allocate([Open("A", 1, 5_000, partial: false), Open("B", 2, 2_000, partial: false)], 3_000, null));

        Assert.Equal("partial_payment_not_allowed", error.Code);
    }
}
