using System.Security.Cryptography;
using System.Text;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// What makes two requests "the same payment" for idempotency. Card fields are left out: they are secrets, and
/// Adyen's encryption makes every honest retry differ.
/// </summary>
internal static class PaymentRequestHash
{
    public static string Of(PayCommand command)
    {
        var allocations = command.Allocations is null
            ? "auto"
            : string.Join(",", command.Allocations.OrderBy(a => a.InvoiceId).Select(a => $"{a.InvoiceId:N}={a.Amount.Value}{a.Amount.Currency}"));
        var canonical = string.Join("|",
            command.AccountId.ToString("N"), command.Amount.Value, command.Amount.Currency, allocations,
            MethodType(command.Method), command.Method.StoredPaymentMethodId?.ToString("N") ?? "-", command.SavePaymentMethod);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public static string MethodType(PaymentMethodInputDto method) =>
        method.StoredPaymentMethodId is not null ? "stored" : (method.Type ?? "").Trim().ToLowerInvariant();
}
