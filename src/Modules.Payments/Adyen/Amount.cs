namespace Portal.Modules.Payments.Adyen;

// Value is in minor units (cents for USD), exactly as Adyen sends it.
internal sealed record Amount(string Currency, long Value);
