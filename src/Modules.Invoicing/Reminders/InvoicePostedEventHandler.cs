using MediatR;
using Microsoft.Extensions.Logging;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Reminders;

/// <summary>
/// Tells the account's billing people that an invoice was posted, once per invoice (the posted stage in invoicing_notices);
/// when autopay covers it, the email says when it will be charged instead of asking to pay, and when autopay's own notice
/// goes out at once (the charge is nearer than its lead time) that notice is the only email.
/// </summary>
internal sealed class InvoicePostedEventHandler(IMediator mediator, InvoiceMailer mailer, TimeProvider clock, ILogger<InvoicePostedEventHandler> logger)
    : INotificationHandler<InvoicePostedEvent>
{
    public async Task Handle(InvoicePostedEvent posted, CancellationToken ct)
    {
        // The claim joins the dispatcher's transaction: if nobody could be mailed, the failure rolls it back and the
        // message is retried; the inbox already keeps a delivered message from running twice.
        if (!await mediator.Send(new ClaimInvoiceNoticeCommand(posted.InvoiceId, ReminderStage.Posted, clock.GetUtcNow()), ct))
            return;
        // Null when dated before the portal's cutover: the customer cannot see it, so nobody is told.
        if (await mediator.Send(new GetInvoiceQuery(posted.AccountId, posted.InvoiceId), ct) is not { } invoice)
            return;
        var audience = await InvoiceMailer.AudienceAsync(mediator, posted.AccountId, ct);
        // Autopay's notice (amount, card, charge day and a skip link) goes out now for a charge this close: one email, not two.
        if (audience.Autopay.Charges.FirstOrDefault(c => c.InvoiceId == posted.InvoiceId) is { NoticeOn: { } noticeOn }
            && noticeOn <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            await mediator.Send(new FinishInvoiceNoticeCommand(posted.InvoiceId, ReminderStage.Posted, 0, Sent: true, clock.GetUtcNow()), ct);
            return;
        }
        var notice = new InvoiceNotice(posted.InvoiceId, posted.AccountId, posted.InvoiceNumber, posted.DueDate, posted.Total, invoice.Balance);
        var (sent, error) = await mailer.SendAsync(ReminderStage.Posted, notice, audience, ct);
        if (error is not null && sent == 0)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        if (error is not null)
            logger.LogError(error, "Invoice {InvoiceId} posted email reached {Sent} of {Total} people", posted.InvoiceId, sent, audience.Recipients.Count);
        await mediator.Send(new FinishInvoiceNoticeCommand(posted.InvoiceId, ReminderStage.Posted, sent, Sent: true, clock.GetUtcNow()), ct);
    }
}
