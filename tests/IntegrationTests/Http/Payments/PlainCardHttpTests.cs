using System.Net;
using System.Text.RegularExpressions;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>A plain card number never travels through the server: only encrypted card fields are taken, and test_ values never in live mode.</summary>
public abstract class PlainCardHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Pay_with_a_plain_card_number_in_the_encrypted_field_is_400_and_charges_nothing()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var plain = new
        {
            type = "scheme", encryptedCardNumber = "4111111111111111", encryptedExpiryMonth = "03", encryptedExpiryYear = "2030",
            encryptedSecurityCode = "737", holderName = "Pat Customer",
        };

        var response = await pay.PayAsync("key-1", 10_000, plain);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, pay.Emulator.ChargeCount);
        Assert.Equal(0, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_payments"));
    }

    [DbFact]
    public async Task Pay_with_the_emulators_test_values_in_emulator_mode_is_taken()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var response = await pay.PayAsync("key-1", 10_000, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

public sealed class PlainCardHttpTestsOnSqlite() : PlainCardHttpTests(SqlDialect.Sqlite);

public sealed class PlainCardHttpTestsOnPostgres() : PlainCardHttpTests(SqlDialect.Postgres), IPostgresTest;

/// <summary>In live mode the emulator's test_ values are plain card data too; in test mode the pay page refuses raw card inputs.</summary>
public sealed partial class PlainCardOutsideEmulatorHttpTests() : HttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Adyen:Mode"] = "live", ["Payments:Adyen:ClientKey"] = "live_PORTALCLIENTKEY", ["Payments:Adyen:ApiKey"] = "api-key",
        ["Payments:Adyen:MerchantAccount"] = "PortalMerchantUS", ["Payments:Adyen:HmacKey"] = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        ["Payments:Adyen:WebhookUsername"] = "hooks", ["Payments:Adyen:WebhookPassword"] = "hook-secret",
        // Live mode also needs the script's integrity hashes; these are made up, since nothing here loads the script.
        ["Payments:Adyen:WebScriptIntegrity"] = "sha384-" + new string('A', 64), ["Payments:Adyen:WebStyleIntegrity"] = "sha384-" + new string('B', 64),
        // Nothing listens here: a request that got past validation would fail as unreachable, not be charged.
        ["Payments:Adyen:BaseUrl"] = "http://127.0.0.1:9/v71/",
    };

    private async Task<(HttpClient User, Guid Account)> PayerAsync()
    {
        var account = await Factory.CreateAccountAsync("A-700", "Maple Court");
        await Factory.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await Factory.SendAsync(new CreateInvoiceCommand(account, "INV-1", today.AddDays(-10), today.AddDays(5), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(12_550))]));
        return (await Factory.LoginAsync("payer"), account);
    }

    [DbFact]
    public async Task Pay_in_live_mode_with_test_values_is_400_and_records_nothing()
    {
        var (user, account) = await PayerAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account}/payments")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { amount = new { currency = "USD", value = 12_550 }, paymentMethod = PaymentFixture.Card() }),
        };
        request.Headers.Add("Idempotency-Key", "key-1");

        var response = await user.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_payments"));
    }

    [DbFact]
    public async Task Pay_page_in_live_mode_refuses_raw_card_fields_with_400()
    {
        var (user, _) = await PayerAsync();
        var page = await user.GetStringAsync("/pay");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var invoice = SelectedInvoice().Match(page).Groups[1].Value;

        var response = await user.PostAsync("/pay", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Selected", invoice), new($"Amount_{invoice}", "125.50"), new("MethodChoice", "card"),
            new("CardNumber", "4111111111111111"), new("ExpiryMonth", "03"), new("ExpiryYear", "2030"), new("Cvc", "737"), new("HolderName", "Pat"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_payments"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Selected\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SelectedInvoice();
}
