namespace Portal.Modules.Payments.Adyen.Emulator;

internal static class AchCheck
{
    public static MethodCheck Evaluate(PaymentMethodDetails bank, Amount amount)
    {
        var account = bank.BankAccountNumber ?? CardCheck.Decrypt(bank.EncryptedBankAccountNumber);
        var routing = bank.BankLocationId ?? CardCheck.Decrypt(bank.EncryptedBankLocationId);
        if (account is not { Length: >= 4 and <= 17 } || !account.All(char.IsAsciiDigit))
            return MethodCheck.Failed(ServiceErrors.Validation("Invalid bankAccountNumber."));
        if (routing is not { Length: 9 } || !routing.All(char.IsAsciiDigit) || !PassesAbaChecksum(routing))
            return MethodCheck.Failed(ServiceErrors.Validation("Invalid bankLocationId (ABA routing number)."));
        if (string.IsNullOrWhiteSpace(bank.OwnerName))
            return MethodCheck.Failed(ServiceErrors.Validation("Required field 'ownerName' is not provided."));
        // Facts §9: ACH Direct Debit is US/PR and USD only.
        if (amount.Currency != "USD")
            return MethodCheck.Failed(ServiceErrors.Validation("ACH Direct Debit supports USD only."));

        var method = new MethodSnapshot(PaymentMethodTypes.Ach, null, account[^4..]) { OwnerName = bank.OwnerName, BankLocationId = routing };
        // ACH has no real-time authorisation: the outcome comes later by webhook.
        return new MethodCheck(method, Outcome.Received, null);
    }

    private static bool PassesAbaChecksum(string routing)
    {
        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
        return routing.Select((c, i) => (c - '0') * weights[i]).Sum() % 10 == 0;
    }
}
