using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// Moves a payment to what the processor said, once: a final status is never changed again, so a late webhook, a
/// retry and the first answer arriving in any order apply or release the holds exactly once.
/// </summary>
internal sealed record RecordPaymentOutcomeCommand(Guid PaymentId, string Status, string? PspReference, string? RefusalReason,
    string? Brand = null, string? Last4 = null, NewSavedMethod? Save = null, bool Returned = false) : ICommand<bool>;

internal sealed record NewSavedMethod(string Token, string Type, string? Brand, string? Last4, int? ExpiryMonth, int? ExpiryYear);

internal sealed class RecordPaymentOutcomeCommandHandler(IDatabase db, IMediator mediator, IOutbox outbox, TimeProvider clock,
    PaymentsMetrics metrics) : IRequestHandler<RecordPaymentOutcomeCommand, bool>
{
    public async Task<bool> Handle(RecordPaymentOutcomeCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>("""
            update payments_payments set status = @Status, psp_reference = coalesce(@PspReference, psp_reference),
                refusal_reason = @RefusalReason, brand = coalesce(@Brand, brand), last4 = coalesce(@Last4, last4), updated_at = @Now
            where id = @PaymentId and status in ('processing', 'unknown', 'pending') and status <> @Status
            returning account_id, paid_by, amount_minor, amount_currency, save_method, method_type
            """, new { command.PaymentId, command.Status, command.PspReference, command.RefusalReason, command.Brand, command.Last4, Now = now }, ct);
        if (payment is null)
        {
            await FillInAsync(command, now, ct);
            return false;
        }

        var amount = new Money(payment.AmountCurrency, payment.AmountMinor);
        // Counted where the status moves, so the synchronous answer and a webhook never count one outcome twice.
        metrics.PaymentOutcome(command.Status, payment.EventMethodType);
        switch (command.Status)
        {
            case PaymentStatus.Authorised:
                await mediator.Send(new ApplyHoldsCommand(command.PaymentId), ct);
                if (payment.SaveMethod && command.Save is { } save)
                    await SaveMethodAsync(payment.AccountId, save, revive: true, now, ct);
                outbox.Add(new PaymentSucceededEvent(command.PaymentId, payment.AccountId, payment.PaidBy, amount, payment.EventMethodType));
                break;
            case PaymentStatus.Refused or PaymentStatus.Error:
                await mediator.Send(new ReleaseHoldsCommand(command.PaymentId), ct);
                outbox.Add(new PaymentFailedEvent(command.PaymentId, payment.AccountId, payment.PaidBy, amount, command.RefusalReason, payment.EventMethodType,
                    command.Returned));
                break;
        }
        return true;
    }

    // The webhook and the synchronous answer race (either may land first, or both at once): the one that finds the status
    // already set still adds what only it knows (token, brand, last 4, pspReference), without touching the status.
    private async Task FillInAsync(RecordPaymentOutcomeCommand command, DateTimeOffset now, CancellationToken ct)
    {
        if (command.Status != PaymentStatus.Authorised || (command.PspReference, command.Brand, command.Last4, command.Save) is (null, null, null, null))
            return;
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>("""
            update payments_payments set psp_reference = coalesce(psp_reference, @PspReference), brand = coalesce(brand, @Brand),
                last4 = coalesce(last4, @Last4)
            where id = @PaymentId and status = @Status
            returning account_id, paid_by, amount_minor, amount_currency, save_method, method_type
            """, new { command.PaymentId, command.Status, command.PspReference, command.Brand, command.Last4 }, ct);
        if (payment is { SaveMethod: true } && command.Save is { } save)
            await SaveMethodAsync(payment.AccountId, save, revive: false, now, ct);
    }

    private async Task SaveMethodAsync(Guid accountId, NewSavedMethod save, bool revive, DateTimeOffset now, CancellationToken ct)
    {
        // The first saved method becomes the default; the same token again only fills in what is missing. Saving it on a
        // new payment brings back a method the customer removed; a late answer for the same payment does not.
        await db.ExecuteAsync("""
            insert into payments_methods (id, account_id, token, type, brand, last4, expiry_month, expiry_year, is_default, created_at)
            values (@Id, @AccountId, @Token, @Type, @Brand, @Last4, @ExpiryMonth, @ExpiryYear,
                    not exists (select 1 from payments_methods where account_id = @AccountId and deleted_at is null), @Now)
            on conflict (account_id, token) do update set
                brand = coalesce(payments_methods.brand, excluded.brand), last4 = coalesce(payments_methods.last4, excluded.last4),
                expiry_month = coalesce(payments_methods.expiry_month, excluded.expiry_month),
                expiry_year = coalesce(payments_methods.expiry_year, excluded.expiry_year),
                deleted_at = case when @Revive then null else payments_methods.deleted_at end
            """, new
        {
            Id = Guid.CreateVersion7(now), AccountId = accountId, save.Token, save.Type, save.Brand, save.Last4, save.ExpiryMonth, save.ExpiryYear,
            Revive = revive, Now = now,
        }, ct);
    }

    private sealed record PaymentRow
    {
        public Guid AccountId { get; init; }
        public Guid? PaidBy { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public bool SaveMethod { get; init; }
        public string MethodType { get; init; } = "";

        // Emails tell an ACH settlement or return apart from a card's immediate answer.
        public string EventMethodType => MethodType == "ach" ? "ach" : "card";
    }
}
