using FluentValidation;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

internal sealed class PayCommandValidator : AbstractValidator<PayCommand>
{
    public PayCommandValidator(AdyenOptions adyen)
    {
        RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(64).WithMessage("Send an Idempotency-Key header of 1 to 64 characters.");
        RuleFor(c => c.Amount.Value).GreaterThan(0).WithName("amount").WithMessage("The amount must be more than zero.");
        RuleFor(c => c.Allocations).Must((c, allocations) => allocations!.Sum(a => a.Amount.Value) == c.Amount.Value)
            .When(c => c.Allocations is not null).WithMessage("The allocations must add up to the amount.");
        RuleFor(c => c.Allocations).Must(a => a!.Count > 0 && a.Count <= 200 && a.Select(x => x.InvoiceId).Distinct().Count() == a.Count
                && a.All(x => x.Amount.Value > 0))
            .When(c => c.Allocations is not null).WithMessage("Allocate a positive amount to each invoice, each invoice once.");
        RuleFor(c => c.Method).Custom((method, context) =>
        {
            foreach (var problem in MethodProblems(method, adyen.Mode))
                context.AddFailure("paymentMethod", problem);
        });
    }

    private static IEnumerable<string> MethodProblems(PaymentMethodInputDto method, string mode)
    {
        if (method.StoredPaymentMethodId is not null)
            yield break;
        switch (PaymentRequestHash.MethodType(method))
        {
            case "scheme":
                if (new[] { method.EncryptedCardNumber, method.EncryptedExpiryMonth, method.EncryptedExpiryYear, method.EncryptedSecurityCode }.Any(string.IsNullOrWhiteSpace))
                    yield return "Enter the card number, expiry month, expiry year and security code.";
                // A plain card number must never pass through our server: only the card component's encrypted values are taken.
                else if (new[] { method.EncryptedCardNumber, method.EncryptedExpiryMonth, method.EncryptedExpiryYear, method.EncryptedSecurityCode }
                         .Any(f => !EncryptedCardFields.Acceptable(f, mode)))
                    yield return "Card details must come encrypted from the secure card form.";
                if (string.IsNullOrWhiteSpace(method.HolderName) || method.HolderName.Length > 80)
                    yield return "Enter the name on the card (at most 80 characters).";
                break;
            case "ach":
                if (string.IsNullOrWhiteSpace(method.BankAccountNumber) || !method.BankAccountNumber.All(char.IsDigit) || method.BankAccountNumber.Length is < 4 or > 17)
                    yield return "Enter the bank account number (4 to 17 digits).";
                if (string.IsNullOrWhiteSpace(method.BankLocationId) || method.BankLocationId.Length != 9 || !method.BankLocationId.All(char.IsDigit))
                    yield return "Enter the 9-digit routing number.";
                if (string.IsNullOrWhiteSpace(method.OwnerName) || method.OwnerName.Length > 80)
                    yield return "Enter the account holder's name.";
                break;
            default:
                yield return "Choose a payment method: a card (type scheme), a bank account (type ach) or a saved method.";
                break;
        }
    }
}
