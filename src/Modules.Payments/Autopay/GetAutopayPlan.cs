using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// The same rules the autopay sweep applies (AutopayRules), looked at from today: reminders skip exactly these invoices
/// and the dashboard shows the first one as the next charge. Skipped, over-limit, pending and given-up invoices are not listed.
/// </summary>
internal sealed class GetAutopayPlanQueryHandler(IDatabase db, IMediator mediator, AutopayOptions options, TimeProvider clock)
    : IRequestHandler<GetAutopayPlanQuery, AutopayPlanDto>
{
    public async Task<AutopayPlanDto> Handle(GetAutopayPlanQuery query, CancellationToken ct)
    {
        if ((await AutopaySql.AccountsAsync(db, query.AccountId, ct)).FirstOrDefault() is not { } account)
            return new AutopayPlanDto(false, null, null, []);
        var now = clock.GetUtcNow();
        var ids = new[] { query.AccountId };
        var attempts = await AutopaySql.LatestAttemptsAsync(db, ids, ct);
        var marks = await AutopaySql.MarksAsync(db, ids, ct);
        var charges = new List<AutopayChargeDto>();
        foreach (var invoice in await mediator.Send(new GetOpenInvoicesQuery(query.AccountId), ct))
        {
            var decision = AutopayRules.Decide(account, invoice, attempts.GetValueOrDefault(invoice.InvoiceId),
                marks.Contains((invoice.InvoiceId, AutopayMark.Skipped)), options.RetryAfterDays, now);
            if (decision.IsPlanned)
                charges.Add(new AutopayChargeDto(invoice.InvoiceId, invoice.InvoiceNumber, invoice.DueDate, decision.Day, invoice.Balance,
                    // Only a first attempt has a notice; a retry is announced by the refusal email.
                    decision.Attempt == 1 ? decision.Day.AddDays(-options.NoticeDays) : null));
        }
        return new AutopayPlanDto(true, account.Brand, account.Last4, [.. charges.OrderBy(c => c.ChargeOn).ThenBy(c => c.DueDate)],
            account.ExpiryMonth, account.ExpiryYear);
    }
}
