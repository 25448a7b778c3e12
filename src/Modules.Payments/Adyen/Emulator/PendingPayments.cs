namespace Portal.Modules.Payments.Adyen.Emulator;

// Received payments (ACH, PENDING test cards) settle later; ACH failures after settlement come back as CHARGEBACK.
internal sealed class PendingPayments(EmulatorOptions options, EmulatorLedger ledger, WebhookDispatcher webhooks, CancellationToken stopping)
{
    public void Schedule(string pspReference)
    {
        if (options.AchSettlementDelay is not { } delay)
            return;
        if (delay <= TimeSpan.Zero)
            Settle(pspReference, success: true, reason: null);
        else
            _ = SettleLaterAsync(pspReference, delay);
    }

    public void SettleAll()
    {
        foreach (var charge in ledger.Charges.Where(c => c.IsPending))
            Settle(charge.PspReference, success: true, reason: null);
    }

    public void Fail(string pspReference)
    {
        if (Settle(pspReference, success: false, reason: "ACH debit failed: insufficient funds (R01)"))
            return;
        var charge = ledger.Find(pspReference) ?? throw new InvalidOperationException($"No payment {pspReference}.");
        if (!charge.IsCaptured)
            throw new InvalidOperationException($"Payment {pspReference} has nothing to return.");
        Chargeback(pspReference);
    }

    public void Chargeback(string pspReference)
    {
        var charge = ledger.Find(pspReference) ?? throw new InvalidOperationException($"No payment {pspReference}.");
        var (code, reason) = charge.Method.Type == PaymentMethodTypes.Ach ? ("R01", "Insufficient funds") : ("10.4", "Fraud - card absent environment");
        webhooks.Enqueue(WebhookFactory.Chargeback(charge, code, reason, options.MerchantAccount, options.TimeProvider.GetUtcNow()));
    }

    private async Task SettleLaterAsync(string pspReference, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, options.TimeProvider, stopping);
            Settle(pspReference, success: true, reason: null);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool Settle(string pspReference, bool success, string? reason)
    {
        if (ledger.Update(pspReference, c => c.IsPending ? c with { Settled = success } : null) is not { } settled)
            return false;
        webhooks.Enqueue(WebhookFactory.Authorisation(settled, success, options.MerchantAccount, options.TimeProvider.GetUtcNow(), reason));
        return true;
    }
}
