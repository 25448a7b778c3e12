using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Records how a charging attempt ended, once, and in the same transaction puts its refusal email in the outbox: a mail
/// server that fails then delays the email instead of losing it, and a second run finishing the same attempt adds nothing.
/// </summary>
internal sealed record RecordAutopayAttemptCommand(Guid AccountId, Guid InvoiceId, int Attempt, Guid PaymentId, string Status, DateOnly? NextAttempt,
    string InvoiceNumber, Money Amount, string? RefusalReason) : ICommand<bool>;

/// <summary>An autopay charge was refused; NextAttempt null means autopay gave up on the invoice.</summary>
internal sealed record AutopayRefusedEvent(Guid AccountId, string InvoiceNumber, Money Amount, string? Reason, DateOnly? NextAttempt) : IIntegrationEvent;

internal sealed class RecordAutopayAttemptCommandHandler(IDatabase db, IOutbox outbox) : IRequestHandler<RecordAutopayAttemptCommand, bool>
{
    private const string Finish = """
        update payments_autopay_attempts set status = @Status, payment_id = @PaymentId, next_attempt_on = @NextAttempt
        where invoice_id = @InvoiceId and attempt = @Attempt and status = 'charging'
        """;

    public async Task<bool> Handle(RecordAutopayAttemptCommand command, CancellationToken ct)
    {
        if (await db.ExecuteAsync(Finish, command, ct) != 1)
            return false;
        if (command.Status == AttemptStatus.Refused)
            outbox.Add(new AutopayRefusedEvent(command.AccountId, command.InvoiceNumber, command.Amount, command.RefusalReason, command.NextAttempt));
        return true;
    }
}

internal sealed class AutopayRefusedEventHandler(AutopayNotices notices) : INotificationHandler<AutopayRefusedEvent>
{
    public Task Handle(AutopayRefusedEvent refused, CancellationToken ct) =>
        notices.RefusedAsync(refused.AccountId, refused.InvoiceNumber, refused.Amount, refused.Reason, refused.NextAttempt is null, refused.NextAttempt, ct);
}
