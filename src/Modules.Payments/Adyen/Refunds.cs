namespace Portal.Modules.Payments.Adyen;

internal sealed record RefundRequest(Amount Amount)
{
    // The client fills this in from AdyenOptions.
    public string? MerchantAccount { get; init; }
    public string? Reference { get; init; }
    public string? MerchantRefundReason { get; init; }
}

internal sealed record RefundResponse
{
    public string PspReference { get; init; } = "";
    public string PaymentPspReference { get; init; } = "";
    public string? MerchantAccount { get; init; }
    public Amount? Amount { get; init; }
    public string? Reference { get; init; }
    public string? MerchantRefundReason { get; init; }
    public string Status { get; init; } = "";
}
