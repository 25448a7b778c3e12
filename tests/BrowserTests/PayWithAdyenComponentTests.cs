using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Payments.Adyen.Support;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.BrowserTests;

/// <summary>
/// The pay page in test mode, offline: Playwright answers for Adyen's CDN with a small stand-in for Adyen Web (same
/// script-tag API: AdyenCheckout(config), new Card(checkout, options).mount, onChange state with encrypted fields), and
/// the host talks to an outside emulator through Payments:Adyen:BaseUrl, as it would to Adyen's test platform.
/// </summary>
public sealed class PayWithAdyenComponentTests : BrowserTest
{
    private const string Cdn = "https://checkoutshopper-test.cdn.adyen.com";
    private OutsideEmulator? adyen;

    protected override IDictionary<string, string?>? Settings => adyen!.HostSettings;

    protected override async Task BeforeHostStartsAsync() => adyen = await OutsideEmulator.StartAsync();

    protected override async ValueTask AfterHostStopsAsync() => await adyen!.DisposeAsync();

    [DbFact]
    public async Task Card_component_in_test_mode_pays_an_invoice_under_the_strict_policy_without_card_data_reaching_the_form()
    {
        var account = await ArrangeAsync();
        var violations = new List<string>();
        Page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        var posted = new List<string>();
        Page.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/pay")) posted.Add(request.PostData ?? ""); };
        await Page.RouteAsync($"{Cdn}/**", route => route.Request.Url.EndsWith(".css")
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/css", Body = ".fake-adyen-card { display: grid; gap: .5rem; }" })
            : route.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", Body = FakeAdyenWeb }));
        await Page.RouteAsync("https://checkoutshopper-test.adyen.com/**", route => route.AbortAsync());

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[value=card]");
        await Page.ClickAsync("[data-review-button]");
        Assert.Equal("Complete the card details.", await Page.InnerTextAsync("[data-review-problem]"));
        await Page.FillAsync("[data-fake-adyen=encryptedCardNumber]", "4111 1111 1111 1111");
        await Page.FillAsync("[data-fake-adyen=encryptedExpiryMonth]", "03");
        await Page.FillAsync("[data-fake-adyen=encryptedExpiryYear]", "2030");
        await Page.FillAsync("[data-fake-adyen=encryptedSecurityCode]", "737");
        await Page.FillAsync("[data-fake-adyen=holderName]", "Pat Customer");
        await Page.ClickAsync("[data-review-button]");
        Assert.Equal("$125.50", await Page.InnerTextAsync("[data-review-total]"));
        var configured = await Page.EvaluateAsync<string>("document.documentElement.dataset.fakeAdyen");
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");

        Assert.Equal("test|test_PORTALCLIENTKEY", configured);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(["1111"], adyen!.ChargedCards);
        Assert.Equal("authorised", Assert.Single((await Portal.SendAsync(new GetPaymentsQuery(account))).Items).Status);
        var form = Assert.Single(posted);
        Assert.Contains("EncryptedCardNumber=test_4111111111111111", form);
        Assert.DoesNotContain("CardNumber=4111", form);
        Assert.DoesNotContain("Cvc=", form);
    }

    private async Task<Guid> ArrangeAsync()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        await Portal.SendAsync(new CreateInvoiceCommand(account, "INV-1", today.AddDays(-10), today.AddDays(5), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(12_550))]));
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", "payer");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
        return account;
    }

    // Plain inputs without names stand in for Adyen's iframes: like those, nothing typed here is posted with our form.
    private const string FakeAdyenWeb = """
        window.AdyenWeb = (() => {
          const fields = ["encryptedCardNumber", "encryptedExpiryMonth", "encryptedExpiryYear", "encryptedSecurityCode", "holderName"];
          class Card {
            constructor(checkout, options) { this.options = options || {}; this.inputs = {}; }
            get data() {
              const method = { type: "scheme" };
              fields.forEach(f => {
                const value = this.inputs[f].value.replace(/\s/g, f === "holderName" ? " " : "");
                method[f] = f === "holderName" ? value : "test_" + value;
              });
              return { paymentMethod: method };
            }
            get isValid() { return fields.every(f => this.inputs[f].value.trim().length > 0); }
            mount(target) {
              const root = typeof target === "string" ? document.querySelector(target) : target;
              root.classList.add("fake-adyen-card");
              fields.forEach(f => {
                const input = document.createElement("input");
                input.setAttribute("data-fake-adyen", f);
                input.setAttribute("aria-label", f);
                input.addEventListener("input", () => this.options.onChange && this.options.onChange({ isValid: this.isValid, data: this.data }, this));
                this.inputs[f] = input;
                root.append(input);
              });
              return this;
            }
            showValidation() {}
          }
          async function AdyenCheckout(config) {
            document.documentElement.dataset.fakeAdyen = config.environment + "|" + config.clientKey;
            return { options: config, create: (type, options) => new Card(null, options) };
          }
          return { AdyenCheckout, Card };
        })();
        """;
}
