using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed class StoredMethodsApi(EmulatorOptions options, EmulatorLedger ledger)
{
    public EmulatorResult List(IQueryCollection query)
    {
        if (CheckQuery(query, out var shopperReference) is { } invalid)
            return invalid;
        var methods = ledger.StoredFor(shopperReference).Select(ToResource).ToList();
        return EmulatorResult.Json200(new ListStoredPaymentMethodsResponse
        {
            MerchantAccount = options.MerchantAccount,
            ShopperReference = shopperReference,
            StoredPaymentMethods = methods,
        });
    }

    public EmulatorResult Delete(string id, IQueryCollection query)
    {
        if (CheckQuery(query, out var shopperReference) is { } invalid)
            return invalid;
        return ledger.RemoveStored(id, shopperReference) ? new EmulatorResult(204, null) : ServiceErrors.StoredMethodNotFound();
    }

    private EmulatorResult? CheckQuery(IQueryCollection query, out string shopperReference)
    {
        shopperReference = query["shopperReference"].ToString();
        if (PaymentValidation.CheckMerchant(query["merchantAccount"].ToString(), options.MerchantAccount) is { } invalid)
            return invalid;
        return shopperReference.Length == 0 ? ServiceErrors.Validation("Query parameter 'shopperReference' is required.") : null;
    }

    // Adyen's list example gives a two-digit expiryYear ("30"); the client normalises both forms.
    private static StoredPaymentMethodResource ToResource(StoredMethod stored) => new()
    {
        Id = stored.Id,
        Type = stored.Method.Type,
        Brand = stored.Method.Brand,
        LastFour = stored.Method.LastFour,
        ExpiryMonth = stored.Method.ExpiryMonth,
        ExpiryYear = stored.Method.ExpiryYear?[^2..],
        HolderName = stored.Method.HolderName,
        OwnerName = stored.Method.OwnerName,
        ShopperReference = stored.ShopperReference,
        SupportedRecurringProcessingModels = [stored.RecurringProcessingModel],
    };
}
