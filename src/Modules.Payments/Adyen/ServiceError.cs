namespace Portal.Modules.Payments.Adyen;

internal sealed record ServiceError(int Status, string? ErrorCode, string? Message, string? ErrorType)
{
    public string? PspReference { get; init; }
}
