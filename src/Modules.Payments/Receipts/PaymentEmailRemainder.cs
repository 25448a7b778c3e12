using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Receipts;

/// <summary>
/// The people a payment email has not reached yet because sending failed part-way. It is committed with the handler that
/// mailed the others, so a retry mails only these: each recipient gets the email once.
/// </summary>
internal sealed record PaymentEmailRemainderEvent(string Kind, Guid AccountId, Guid PaymentId, string Currency, long AmountMinor,
    Dictionary<string, string?> Extra, IReadOnlyList<string> Addresses) : IIntegrationEvent;

internal sealed class PaymentEmailRemainderEventHandler(PaymentEmails emails) : INotificationHandler<PaymentEmailRemainderEvent>
{
    public Task Handle(PaymentEmailRemainderEvent remainder, CancellationToken ct) =>
        emails.SendAsync(remainder.Kind, remainder.AccountId, remainder.PaymentId, new Money(remainder.Currency, remainder.AmountMinor),
            remainder.Extra, ct, onlyAddresses: remainder.Addresses.ToHashSet(StringComparer.Ordinal));
}
