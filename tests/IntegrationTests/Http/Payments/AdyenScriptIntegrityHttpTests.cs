using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// Issue 12 item 14 (PCI DSS 4.0 6.4.3): Adyen Web loads with the configured version and its integrity hashes. The hashes here
/// are made-up test values in the right shape; the real ones come from Adyen's release notes for the pinned version.
/// </summary>
public abstract class AdyenScriptIntegrityHttpTests(SqlDialect dialect) : PayPageHttpTests(dialect)
{
    private const string ScriptHash = "sha384-TESTSCRIPTHASHTESTSCRIPTHASHTESTSCRIPTHASHTESTSCRIPTHASHTESTSCRI";
    private const string StyleHash = "sha384-TESTSTYLEHASHTESTSTYLEHASHTESTSTYLEHASHTESTSTYLEHASHTESTSTYLEHAS";

    protected override IDictionary<string, string?> Settings => WithAdyen("test", new()
    {
        ["Payments:Adyen:WebVersion"] = "6.31.0", ["Payments:Adyen:WebScriptIntegrity"] = ScriptHash, ["Payments:Adyen:WebStyleIntegrity"] = StyleHash,
    });

    [DbFact]
    public async Task Pay_page_loads_the_pinned_version_with_its_integrity_hashes_and_anonymous_cors()
    {
        var (_, html) = await PayPageAsync();

        const string sdk = "https://checkoutshopper-test.cdn.adyen.com/checkoutshopper/sdk/6.31.0";
        Assert.Contains($"<script src=\"{sdk}/adyen.js\" integrity=\"{ScriptHash}\" crossorigin=\"anonymous\"></script>", html);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{sdk}/adyen.css\" integrity=\"{StyleHash}\" crossorigin=\"anonymous\" />", html);
    }

    [DbFact]
    public void Live_mode_without_the_hashes_or_with_a_malformed_one_refuses_to_start()
    {
        Dictionary<string, string?>[] refused =
        [
            WithAdyen("live", []),
            WithAdyen("live", new() { ["Payments:Adyen:WebScriptIntegrity"] = ScriptHash }),
            WithAdyen("test", new() { ["Payments:Adyen:WebScriptIntegrity"] = "md5-abc", ["Payments:Adyen:WebStyleIntegrity"] = StyleHash }),
            WithAdyen("test", new() { ["Payments:Adyen:WebVersion"] = "latest" }),
        ];

        foreach (var settings in refused)
        {
            using var factory = new PortalWebFactory(Factory.Database, settings);
            Assert.ThrowsAny<Exception>(() => factory.Server);
        }
    }

    [DbFact]
    public void Live_mode_with_both_hashes_starts()
    {
        using var factory = new PortalWebFactory(Factory.Database,
            WithAdyen("live", new() { ["Payments:Adyen:WebScriptIntegrity"] = ScriptHash, ["Payments:Adyen:WebStyleIntegrity"] = StyleHash }));

        Assert.NotNull(factory.Server);
    }

    private static Dictionary<string, string?> WithAdyen(string mode, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Payments:Adyen:Mode"] = mode, ["Payments:Adyen:ClientKey"] = $"{mode}_PORTALCLIENTKEY", ["Payments:Adyen:ApiKey"] = "api-key",
            ["Payments:Adyen:MerchantAccount"] = "PortalMerchantUS", ["Payments:Adyen:HmacKey"] = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
            ["Payments:Adyen:WebhookUsername"] = "hooks", ["Payments:Adyen:WebhookPassword"] = "hook-secret", ["Payments:Adyen:LiveUrlPrefix"] = "1797a841fbb37ca7-AdyenDemo",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return settings;
    }
}

public sealed class AdyenScriptIntegrityHttpTestsOnSqlite() : AdyenScriptIntegrityHttpTests(SqlDialect.Sqlite);

public sealed class AdyenScriptIntegrityHttpTestsOnPostgres() : AdyenScriptIntegrityHttpTests(SqlDialect.Postgres), IPostgresTest;
