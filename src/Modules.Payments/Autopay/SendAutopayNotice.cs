using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Payments.Autopay;

/// <summary>The pre-charge notice of one invoice, at most once: the mark is claimed before the email goes.</summary>
internal sealed record SendAutopayNoticeCommand(AutopayAccount Account, InvoiceDto Invoice, DateOnly ChargeOn) : IWorkflowCommand<bool>;

/// <summary>The note that an invoice is above the account's autopay limit and will not be charged, at most once.</summary>
/// <summary>Its email goes through the outbox in the transaction that claims the mark, so a failing mail server delays it, never loses it.</summary>
internal sealed record ReportAutopayOverLimitCommand(AutopayAccount Account, InvoiceDto Invoice) : ICommand<bool>;

internal sealed record AutopayOverLimitEvent(Guid AccountId, string InvoiceNumber, Money Amount, Money? Limit, DateOnly DueDate) : IIntegrationEvent;

internal sealed class SendAutopayNoticeCommandHandler(IDatabase db, AutopayNotices notices, TimeProvider clock) : IRequestHandler<SendAutopayNoticeCommand, bool>
{
    public async Task<bool> Handle(SendAutopayNoticeCommand command, CancellationToken ct)
    {
        if (!await AutopaySql.ClaimMarkAsync(db, command.Invoice.InvoiceId, AutopayMark.Notice, command.Account.AccountId, clock.GetUtcNow(), null, ct))
            return false;
        await notices.NoticeAsync(command.Account, command.Invoice, command.ChargeOn, ct);
        return true;
    }
}

internal sealed class ReportAutopayOverLimitCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock)
    : IRequestHandler<ReportAutopayOverLimitCommand, bool>
{
    public async Task<bool> Handle(ReportAutopayOverLimitCommand command, CancellationToken ct)
    {
        if (!await AutopaySql.ClaimMarkAsync(db, command.Invoice.InvoiceId, AutopayMark.OverLimit, command.Account.AccountId, clock.GetUtcNow(), null, ct))
            return false;
        outbox.Add(new AutopayOverLimitEvent(command.Account.AccountId, command.Invoice.InvoiceNumber, command.Invoice.Balance, command.Account.MaxAmount,
            command.Invoice.DueDate));
        return true;
    }
}

internal sealed class AutopayOverLimitEventHandler(AutopayNotices notices) : INotificationHandler<AutopayOverLimitEvent>
{
    public Task Handle(AutopayOverLimitEvent over, CancellationToken ct) =>
        notices.OverLimitAsync(over.AccountId, over.InvoiceNumber, over.Amount, over.Limit, over.DueDate, ct);
}

/// <summary>
/// An invoice posted to an autopay account whose charge is nearer than the notice lead time gets its notice (or its
/// over-limit note) now; the rest get theirs from the daily sweep, N days ahead.
/// </summary>
internal sealed class AutopayInvoicePostedEventHandler(IDatabase db, IMediator mediator, AutopayOptions options, TimeProvider clock)
    : INotificationHandler<InvoicePostedEvent>
{
    public async Task Handle(InvoicePostedEvent posted, CancellationToken ct)
    {
        if ((await AutopaySql.AccountsAsync(db, posted.AccountId, ct)).FirstOrDefault() is not { } account
            || (await mediator.Send(new GetOpenInvoicesQuery(posted.AccountId), ct)).FirstOrDefault(i => i.InvoiceId == posted.InvoiceId) is not { } invoice)
            return;
        var now = clock.GetUtcNow();
        var ids = new[] { posted.AccountId };
        var skipped = (await AutopaySql.MarksAsync(db, ids, ct)).Contains((invoice.InvoiceId, AutopayMark.Skipped));
        var decision = AutopayRules.Decide(account, invoice, (await AutopaySql.LatestAttemptsAsync(db, ids, ct)).GetValueOrDefault(invoice.InvoiceId),
            skipped, options.RetryAfterDays, now);
        if (decision.Day > DateOnly.FromDateTime(now.UtcDateTime).AddDays(options.NoticeDays))
            return;
        if (decision is { Action: AutopayAction.Charge, Attempt: 1 })
            await mediator.Send(new SendAutopayNoticeCommand(account, invoice, decision.Day), ct);
        else if (decision.Action == AutopayAction.OverLimit)
            await mediator.Send(new ReportAutopayOverLimitCommand(account, invoice), ct);
    }
}
