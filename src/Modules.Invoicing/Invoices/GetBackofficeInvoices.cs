using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetBackofficeInvoicesQueryValidator : AbstractValidator<GetBackofficeInvoicesQuery>
{
    public GetBackofficeInvoicesQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || InvoiceStatus.All.Contains(s))
            .WithMessage($"Status must be one of: {string.Join(", ", InvoiceStatus.All)}.");
        RuleFor(q => q.Number).MaximumLength(64);
    }
}

internal sealed class GetBackofficeInvoicesQueryHandler(IDatabase db) : IRequestHandler<GetBackofficeInvoicesQuery, Page<BackofficeInvoiceDto>>
{
    public async Task<Page<BackofficeInvoiceDto>> Handle(GetBackofficeInvoicesQuery query, CancellationToken ct)
    {
        const string sql = $"""
            select {InvoiceRow.Columns} from invoicing_invoices
            where (@AnyAccount or account_id = @AccountId) and (@Status is null or status = @Status)
              and invoice_date >= @From and invoice_date <= @Thru
              and (@Number is null or lower(invoice_number) like @Number)
              and (due_date > @AfterDue or (due_date = @AfterDue and invoice_number > @AfterNumber))
            order by due_date, invoice_number
            limit @Take
            """;
        var limit = Page<BackofficeInvoiceDto>.ClampLimit(query.Limit);
        var (afterDue, afterNumber) = InvoiceCursor.Decode(query.Cursor);
        var rows = await db.QueryAsync<InvoiceRow>(sql, new
        {
            AnyAccount = query.AccountId is null,
            AccountId = query.AccountId ?? Guid.Empty,
            query.Status,
            From = query.From ?? DateOnly.MinValue,
            Thru = query.Thru ?? DateOnly.MaxValue,
            AfterDue = afterDue,
            AfterNumber = afterNumber,
            Take = limit + 1,
            Number = string.IsNullOrWhiteSpace(query.Number) ? null : $"%{query.Number.Trim().ToLowerInvariant()}%",
        }, ct);
        return InvoiceCursor.ToPage(rows, limit, r => r.ToBackofficeDto());
    }
}
