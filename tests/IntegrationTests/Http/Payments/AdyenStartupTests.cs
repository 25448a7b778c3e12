using Microsoft.Extensions.Options;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>The host fails closed on its processor settings: it refuses to start rather than accept forged webhooks or fake payments.</summary>
public sealed class AdyenStartupTests
{
    private const string HexKey = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

    private static Dictionary<string, string?> TestMode(params string[] without)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payments:Adyen:Mode"] = "test", ["Payments:Adyen:ApiKey"] = "api-key", ["Payments:Adyen:MerchantAccount"] = "PortalMerchantUS",
            ["Payments:Adyen:ClientKey"] = "test_CLIENTKEY", ["Payments:Adyen:HmacKey"] = HexKey,
            ["Payments:Adyen:WebhookUsername"] = "hooks", ["Payments:Adyen:WebhookPassword"] = "hook-secret",
        };
        foreach (var key in without)
            settings.Remove($"Payments:Adyen:{key}");
        return settings;
    }

    [DbFact]
    public async Task Start_in_test_mode_without_hmac_key_and_webhook_credentials_is_refused_naming_them()
    {
        var error = await StartFailureAsync(TestMode("HmacKey", "WebhookUsername", "WebhookPassword"));

        Assert.Contains("Payments:Adyen:HmacKey", error);
        Assert.Contains("Payments:Adyen:WebhookUsername", error);
        Assert.Contains("Payments:Adyen:WebhookPassword", error);
        Assert.DoesNotContain("Payments:Adyen:ApiKey", error);
    }

    [DbFact]
    public async Task Start_in_live_mode_without_api_key_merchant_and_client_key_is_refused_naming_them()
    {
        var settings = TestMode("ApiKey", "MerchantAccount", "ClientKey");
        settings["Payments:Adyen:Mode"] = "live";
        settings["Payments:Adyen:LiveUrlPrefix"] = "1797a841fbb37ca7-AdyenDemo";

        var error = await StartFailureAsync(settings);

        Assert.Contains("Payments:Adyen:ApiKey", error);
        Assert.Contains("Payments:Adyen:MerchantAccount", error);
        Assert.Contains("Payments:Adyen:ClientKey", error);
    }

    [DbFact]
    public async Task Start_in_test_mode_with_a_hmac_key_that_is_not_hex_is_refused()
    {
        var settings = TestMode();
        settings["Payments:Adyen:HmacKey"] = "not-a-hex-key-but-long-enough-to-pass-a-length-check";

        var error = await StartFailureAsync(settings);

        Assert.Contains("Payments:Adyen:HmacKey", error);
    }

    [DbFact]
    public async Task Start_in_test_mode_with_every_setting_succeeds()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        await using var factory = new PortalWebFactory(database, TestMode());

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.True(response.IsSuccessStatusCode);
    }

    [DbFact]
    public async Task Start_with_the_emulator_outside_development_is_refused_unless_allowed()
    {
        var production = new Dictionary<string, string?> { ["environment"] = "Production", ["Payments:Adyen:Mode"] = "emulator" };

        var error = await StartFailureAsync(production);

        Assert.Contains("Payments:Adyen:AllowEmulator", error);
    }

    [DbFact]
    public async Task Start_with_the_emulator_outside_development_runs_when_explicitly_allowed()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        await using var factory = new PortalWebFactory(database, new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["Payments:Adyen:Mode"] = "emulator", ["Payments:Adyen:AllowEmulator"] = "true",
        });

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.True(response.IsSuccessStatusCode);
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        await using var factory = new PortalWebFactory(database, settings);
        var error = Record.Exception(() => factory.Server);
        var validation = Assert.IsType<OptionsValidationException>(Unwrap(error));
        return validation.Message;
    }

    private static Exception? Unwrap(Exception? error) => error is AggregateException { InnerException: { } inner } ? Unwrap(inner) : error;
}
