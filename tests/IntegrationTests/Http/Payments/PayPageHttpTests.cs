using System.Text.RegularExpressions;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>The pay page as the browser receives it: which card form it carries and the Content-Security-Policy it is sent with.</summary>
public abstract partial class PayPageHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected async Task<(string Csp, string Html)> PayPageAsync()
    {
        var account = await Factory.CreateAccountAsync("A-700", "Maple Court");
        await Factory.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        await Factory.SendAsync(new CreateInvoiceCommand(account, "INV-1", today.AddDays(-10), today.AddDays(5), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(12_550))]));
        var user = await Factory.LoginAsync("payer");

        var response = await user.GetAsync("/pay");

        response.EnsureSuccessStatusCode();
        return (string.Join(";", response.Headers.GetValues("Content-Security-Policy")), await response.Content.ReadAsStringAsync());
    }

    protected static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    // A <script> element without a src attribute: inline code, which the policy forbids.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    protected static partial Regex InlineScript();
}

public abstract class PayPageInTestModeHttpTests(SqlDialect dialect) : PayPageHttpTests(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Adyen:Mode"] = "test", ["Payments:Adyen:ClientKey"] = "test_PORTALCLIENTKEY", ["Payments:Adyen:ApiKey"] = "test-api-key",
        ["Payments:Adyen:MerchantAccount"] = "PortalMerchantUS", ["Payments:Adyen:HmacKey"] = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        ["Payments:Adyen:WebhookUsername"] = "hooks", ["Payments:Adyen:WebhookPassword"] = "hook-secret",
    };

    [DbFact]
    public async Task Pay_page_in_test_mode_mounts_the_card_component_under_a_strict_policy_for_adyens_test_origins()
    {
        var (csp, html) = await PayPageAsync();

        const string cdn = "https://checkoutshopper-test.cdn.adyen.com";
        Assert.Equal($"script-src 'self' {cdn}", Directive(csp, "script-src"));
        Assert.Equal($"style-src 'self' {cdn}", Directive(csp, "style-src"));
        Assert.Contains("https://checkoutshopper-test.adyen.com", Directive(csp, "frame-src"));
        Assert.Contains("https://checkoutshopper-test.adyen.com", Directive(csp, "connect-src"));
        Assert.Contains(cdn, Directive(csp, "img-src"));
        Assert.DoesNotContain("unsafe", csp);
        Assert.DoesNotContain("live", csp);
        Assert.Contains($"<script src=\"{cdn}/checkoutshopper/sdk/", html);
        Assert.Contains("/adyen.css\"", html);
        Assert.Contains("data-adyen-card data-client-key=\"test_PORTALCLIENTKEY\" data-environment=\"test\"", html);
        Assert.Contains("/js/pay-adyen.js", html);
        Assert.Contains("name=\"EncryptedSecurityCode\"", html);
        Assert.DoesNotContain("name=\"CardNumber\"", html);
        Assert.DoesNotContain("name=\"Cvc\"", html);
        Assert.DoesNotMatch(InlineScript(), html);
    }
}

public abstract class PayPageInEmulatorModeHttpTests(SqlDialect dialect) : PayPageHttpTests(dialect)
{
    [DbFact]
    public async Task Pay_page_in_emulator_mode_keeps_the_plain_test_form_and_the_site_policy()
    {
        var (csp, html) = await PayPageAsync();

        Assert.Equal("script-src 'self'", Directive(csp, "script-src"));
        Assert.DoesNotContain("adyen", csp);
        Assert.DoesNotContain("data-adyen-card", html);
        Assert.DoesNotContain("checkoutshopper", html);
        Assert.Contains("name=\"CardNumber\"", html);
        Assert.Contains("data-review-button", html);
        Assert.DoesNotMatch(InlineScript(), html);
    }
}

public sealed class PayPageInTestModeHttpTestsOnSqlite() : PayPageInTestModeHttpTests(SqlDialect.Sqlite);

public sealed class PayPageInTestModeHttpTestsOnPostgres() : PayPageInTestModeHttpTests(SqlDialect.Postgres), IPostgresTest;

public sealed class PayPageInEmulatorModeHttpTestsOnSqlite() : PayPageInEmulatorModeHttpTests(SqlDialect.Sqlite);

public sealed class PayPageInEmulatorModeHttpTestsOnPostgres() : PayPageInEmulatorModeHttpTests(SqlDialect.Postgres), IPostgresTest;
