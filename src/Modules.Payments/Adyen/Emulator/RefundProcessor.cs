namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed class RefundProcessor(EmulatorOptions options, EmulatorLedger ledger)
{
    public EmulatorResult Refund(string paymentPspReference, byte[] body, string? idempotencyKey)
    {
        if (!EmulatorJson.TryRead<RefundRequest>(body, out var request, out var unreadable))
            return unreadable;
        if ((PaymentValidation.CheckMerchant(request.MerchantAccount, options.MerchantAccount) ?? PaymentValidation.CheckAmount(request.Amount)) is { } invalid)
            return invalid;
        if (request.Amount.Value <= 0)
            return ServiceErrors.Validation("A refund needs an amount above zero.");
        if (ledger.Find(paymentPspReference) is not { } payment)
            return ServiceErrors.UnknownPayment();
        if (request.Amount.Currency != payment.Amount.Currency)
            return ServiceErrors.Validation("The refund currency must match the payment currency.");

        // Adyen acknowledges any refund of a known payment; a payment with nothing captured fails in the REFUND webhook.
        var accepted = payment.IsCaptured;
        if (accepted && !Reserve(payment, request.Amount.Value))
            return ServiceErrors.RefundExceedsCaptured();

        var refund = new EmulatorRefund(EmulatorIds.NewPspReference(), paymentPspReference, request.Reference, request.Amount, idempotencyKey, accepted);
        ledger.Add(refund);
        var response = new RefundResponse
        {
            PspReference = refund.PspReference,
            PaymentPspReference = paymentPspReference,
            MerchantAccount = options.MerchantAccount,
            Amount = request.Amount,
            Reference = request.Reference,
            MerchantRefundReason = request.MerchantRefundReason,
            Status = "received",
        };
        return EmulatorResult.Of(201, response) with { Webhooks = Webhooks(payment, refund, accepted) };
    }

    // The refund-failed test payment keeps its balance: REFUND_FAILED means the money came back.
    private bool Reserve(EmulatorCharge payment, long value) =>
        ledger.Update(payment.PspReference, c => c.RefundableValue < value ? null
            : c.RefundWillFail ? c
            : c with { RefundedValue = c.RefundedValue + value }) is not null;

    private List<NotificationItem> Webhooks(EmulatorCharge payment, EmulatorRefund refund, bool accepted)
    {
        var now = options.TimeProvider.GetUtcNow();
        var reason = accepted ? null : "Transaction hasn't been captured, refund not possible";
        List<NotificationItem> items = [WebhookFactory.Refund(payment, refund, EventCodes.Refund, accepted, reason, options.MerchantAccount, now)];
        if (accepted && payment.RefundWillFail)
            items.Add(WebhookFactory.Refund(payment, refund, EventCodes.RefundFailed, true, "Refund rejected by the scheme", options.MerchantAccount, now));
        return items;
    }
}
