using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Payments;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// A host died after recording a payment as processing and sending it to the processor, which charged it: the customer sees it
/// as being confirmed, and the resolver cancels it by our reference once nobody can still be waiting for its answer.
/// </summary>
public abstract class AbandonedPaymentHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Payment_left_processing_by_a_dead_host_shows_as_being_confirmed_and_the_resolver_cancels_it()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        pay.Emulator.Chaos.HoldWebhooks = true;   // the AUTHORISATION is on its way to a host that no longer exists
        var paymentId = await ChargeThenDieAsync(pay, invoice);

        var history = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments");
        var page = await pay.User.GetStringAsync("/payments");
        await Factory.SendAsync(new ResolveStalePaymentsCommand());
        var heldAfterOnDemandRun = await pay.PendingAsync(invoice);
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        pay.Emulator.Chaos.HoldWebhooks = false;
        await Factory.SendAsync(new ResolveStalePaymentsCommand());
        await pay.SettleWebhooksAsync(1);
        var again = await (await pay.PayAsync("key-again", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(paymentId, history.GetProperty("items")[0].GetProperty("paymentId").GetGuid());
        Assert.Equal("unknown", history.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Contains("being confirmed", page);
        Assert.Equal(10_000, heldAfterOnDemandRun);
        Assert.True(pay.Emulator.Charges[0].Cancelled);
        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, paymentId.ToString()));
        Assert.Equal("authorised", again.GetProperty("status").GetString());
        Assert.Equal(0, await pay.BalanceAsync(invoice));
    }

    // Records the payment and its hold (committed), sends it to the processor, and never records the answer.
    private async Task<Guid> ChargeThenDieAsync(PaymentFixture pay, Guid invoice)
    {
        var amount = new Money("USD", 10_000);
        var method = new PaymentMethodInputDto
        {
            Type = "scheme", EncryptedCardNumber = "test_4111111111111111", EncryptedExpiryMonth = "test_03", EncryptedExpiryYear = "test_2030",
            EncryptedSecurityCode = "test_737", HolderName = "Pat Customer",
        };
        var command = new PayCommand(pay.Account, null, "key-dead", amount, [new PaymentAllocationDto(invoice, amount)], method, false);
        await using var scope = Factory.Services.CreateAsyncScope();
        var begun = await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new BeginPaymentCommand(command, PaymentRequestHash.Of(command)));
        var request = AdyenRequests.Payment(command, begun, ShopperReference.For(pay.Account));
        await scope.ServiceProvider.GetRequiredService<AdyenCheckoutClient>().PaymentsAsync(request, AdyenRequests.IdempotencyKey(begun.PaymentId), CancellationToken.None);
        return begun.PaymentId;
    }
}

/// <summary>The processor's address refuses connections: the payment never left us, so it is an error and holds nothing.</summary>
public abstract class UnreachableProcessorHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    // Port 1 on loopback has no listener: the connection is refused before any request is sent.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:Adyen:BaseUrl"] = "http://127.0.0.1:1/v71/" };

    [DbFact]
    public async Task Payment_whose_request_never_reached_the_processor_is_an_error_and_releases_its_hold()
    {
        // No emulator runs when BaseUrl is set, and nothing listens at that address.
        var account = await Factory.CreateAccountAsync("A-500", "Birch Lane Condos");
        await Factory.AddMemberAsync(account, "payer", Portal.Modules.Identity.Contracts.AccountRole.Accounting);
        var pay = new PaymentFixture(Factory, await Factory.LoginAsync("payer"), account, null!);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var first = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await pay.PayAsync("key-2", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        await Factory.DrainOutboxAsync();

        Assert.Equal("error", first.GetProperty("status").GetString());
        Assert.Equal("error", second.GetProperty("status").GetString());
        Assert.Equal(0, await pay.PendingAsync(invoice));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
    }
}

public sealed class AbandonedPaymentHttpTestsOnSqlite() : AbandonedPaymentHttpTests(SqlDialect.Sqlite);

public sealed class AbandonedPaymentHttpTestsOnPostgres() : AbandonedPaymentHttpTests(SqlDialect.Postgres), IPostgresTest;

public sealed class UnreachableProcessorHttpTestsOnSqlite() : UnreachableProcessorHttpTests(SqlDialect.Sqlite);

public sealed class UnreachableProcessorHttpTestsOnPostgres() : UnreachableProcessorHttpTests(SqlDialect.Postgres), IPostgresTest;
