using System.Net;
using MediatR;
using Microsoft.Extensions.Configuration;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Receipts;

/// <summary>Emails the person who paid: a receipt on success, a note with the reason on failure.</summary>
internal sealed class PaymentSucceededEventHandler(IMediator mediator, IEmailSender email, IConfiguration config) : INotificationHandler<PaymentSucceededEvent>
{
    public async Task Handle(PaymentSucceededEvent paid, CancellationToken ct)
    {
        if (paid.PaidBy is not { } payer || await mediator.Send(new GetMeQuery(payer), ct) is not { } person)
            return;
        var payment = await mediator.Send(new GetPaymentQuery(paid.AccountId, paid.PaymentId), ct);
        var method = payment is null ? "" : $" with {payment.Method.Brand ?? payment.Method.Type} {(payment.Method.Last4 is { } l ? "ending " + l : "")}".TrimEnd();
        var link = $"{(config["Portal:BaseUrl"] ?? "").TrimEnd('/')}/payments/{paid.PaymentId}";
        await email.SendAsync(new EmailMessage(person.Email, $"Payment received: {paid.Amount}",
            $"""
            Hello {person.Name},

            Thank you: we received your payment of {paid.Amount}{method}.
            Payment reference: {paid.PaymentId:N}
            Details: {link}
            """,
            $"<p>Hello {WebUtility.HtmlEncode(person.Name)},</p><p>Thank you: we received your payment of <strong>{paid.Amount}</strong>{WebUtility.HtmlEncode(method)}.</p>"
            + $"<p>Payment reference: {paid.PaymentId:N}<br><a href=\"{WebUtility.HtmlEncode(link)}\">See the payment</a></p>"), ct);
    }
}

internal sealed class PaymentFailedEventHandler(IMediator mediator, IEmailSender email) : INotificationHandler<PaymentFailedEvent>
{
    public async Task Handle(PaymentFailedEvent failed, CancellationToken ct)
    {
        if (failed.PaidBy is not { } payer || await mediator.Send(new GetMeQuery(payer), ct) is not { } person)
            return;
        var reason = failed.Reason ?? "The payment was not accepted.";
        await email.SendAsync(new EmailMessage(person.Email, $"Payment not completed: {failed.Amount}",
            $"Hello {person.Name},\n\nYour payment of {failed.Amount} did not go through: {reason}\nNothing was charged. You can try again with another method.\n",
            $"<p>Hello {WebUtility.HtmlEncode(person.Name)},</p><p>Your payment of <strong>{failed.Amount}</strong> did not go through: "
            + $"{WebUtility.HtmlEncode(reason)}</p><p>Nothing was charged. You can try again with another method.</p>"), ct);
    }
}
