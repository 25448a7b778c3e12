namespace Portal.Modules.Payments.Adyen;

/// <summary>POST /cancels: the technical cancel of a payment named by our own reference, for when its pspReference never reached us.</summary>
internal sealed record CancelByReferenceRequest(string PaymentReference)
{
    // The client fills this in from AdyenOptions.
    public string? MerchantAccount { get; init; }
    public string? Reference { get; init; }
}

internal sealed record CancelByReferenceResponse
{
    public string PspReference { get; init; } = "";
    public string PaymentReference { get; init; } = "";
    public string? MerchantAccount { get; init; }
    public string? Reference { get; init; }
    public string Status { get; init; } = "";
}
