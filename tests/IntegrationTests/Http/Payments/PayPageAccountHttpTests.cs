using System.Net;
using System.Text.RegularExpressions;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>One person in two accounts with a pay tab open for each: a submit pays the account its form was shown for.</summary>
public abstract partial class PayPageAccountHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Pay_form_opened_for_one_account_pays_that_account_after_another_tab_switched_the_cookie()
    {
        var (user, first, second) = await ManagerOfTwoAccountsAsync();
        var firstInvoice = await InvoiceAsync(first, "INV-A", 4_000);
        var secondInvoice = await InvoiceAsync(second, "INV-B", 6_000);
        var firstTab = await user.GetStringAsync($"/pay?account={first}");
        _ = await user.GetStringAsync($"/pay?account={second}");   // the second tab remembers its account in the cookie

        var submitted = await user.PostAsync("/pay", Form(firstTab, firstInvoice, "40.00"));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith("/payments/", submitted.Headers.Location!.OriginalString);
        Assert.Equal(0, await BalanceAsync(first, firstInvoice));
        Assert.Equal(6_000, await BalanceAsync(second, secondInvoice));
    }

    [DbFact]
    public async Task Pay_form_naming_an_account_the_user_is_not_a_member_of_is_not_found_and_pays_nothing()
    {
        var (user, first, _) = await ManagerOfTwoAccountsAsync();
        var other = await Factory.CreateAccountAsync("A-903", "Someone Else");
        var invoice = await InvoiceAsync(first, "INV-A", 4_000);
        var page = await user.GetStringAsync($"/pay?account={first}");

        var forged = await user.PostAsync("/pay", Form(page.Replace(first.ToString(), other.ToString()), invoice, "40.00"));

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(4_000, await BalanceAsync(first, invoice));
    }

    private async Task<(HttpClient User, Guid First, Guid Second)> ManagerOfTwoAccountsAsync()
    {
        var first = await Factory.CreateAccountAsync("A-901", "Oak Terrace");
        var second = await Factory.CreateAccountAsync("A-902", "Pine Ridge");
        var userKey = await Factory.SendAsync(new RegisterCommand(await InvitationTokenAsync(first), "manager", "Test manager", PortalUsers.Password));
        await Factory.SendAsync(new AcceptInvitationCommand(await InvitationTokenAsync(second), userKey));
        return (await Factory.LoginAsync("manager"), first, second);
    }

    private async Task<string> InvitationTokenAsync(Guid account)
    {
        var before = Factory.Mailbox.To("manager@example.test").Count;
        await Factory.SendAsync(new InviteUserCommand(account, "manager@example.test", AccountRole.Accounting, null));
        return Factory.Mailbox.To("manager@example.test")[before].LinkStartingWith("http://localhost/register?token=")!.Split("token=")[1];
    }

    private async Task<Guid> InvoiceAsync(Guid account, string number, long cents)
    {
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        return (await Factory.SendAsync(new CreateInvoiceCommand(account, number, today.AddDays(-10), today.AddDays(5), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(cents))]))).InvoiceId;
    }

    private async Task<long> BalanceAsync(Guid account, Guid invoice) => (await Factory.SendAsync(new GetInvoiceQuery(account, invoice)))!.Balance.Value;

    // What the browser posts from the page it was given: its hidden fields, one invoice selected, a test card.
    private static FormUrlEncodedContent Form(string page, Guid invoice, string amount)
    {
        // The layout's sign-out form carries the antiforgery token too; a field sent twice would not be read as one value.
        var fields = HiddenField().Matches(page).DistinctBy(m => m.Groups[1].Value)
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        fields.AddRange([
            new("Mode", "selected"), new("Selected", invoice.ToString()), new($"Amount_{invoice}", amount), new("MethodChoice", "card"),
            new("CardNumber", "4111111111111111"), new("HolderName", "Pat Customer"), new("ExpiryMonth", "03"), new("ExpiryYear", "2030"), new("Cvc", "737"),
        ]);
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("<input[^>]*name=\"(__RequestVerificationToken|IdempotencyKey|AccountId)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}

public sealed class PayPageAccountHttpTestsOnSqlite() : PayPageAccountHttpTests(SqlDialect.Sqlite);

public sealed class PayPageAccountHttpTestsOnPostgres() : PayPageAccountHttpTests(SqlDialect.Postgres), IPostgresTest;
