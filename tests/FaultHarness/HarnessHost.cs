using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Messaging;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.FaultHarness;

/// <summary>One host of a batch: the real Host in process (TestServer), with its own manual clock.</summary>
internal sealed class HarnessNode(string name, WebApplicationFactory<Program> factory, ManualClock clock)
{
    public string Name => name;

    public ManualClock Clock => clock;

    public IServiceProvider Services => factory.Services;

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public Task<int> DrainAsync() => Services.GetRequiredService<OutboxDispatcher>().DrainAsync();

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabase>().QueryAsync<T>(sql, param);
    }
}

/// <summary>
/// One database for a batch of seeds, the Host on it (twice on PostgreSQL when TwoHosts may be drawn), the first host's
/// emulator as the one processor for both, webhooks always held so the harness decides when and how they go out.
/// </summary>
internal sealed class HarnessHost : IAsyncDisposable
{
    // Short, so that a drawn timeout costs about a second; latency drawn as a plain fault stays far below it.
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromMilliseconds(1000);

    private readonly List<IAsyncDisposable> owned = [];
    private readonly List<HarnessNode> nodes = [];

    private HarnessHost(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public RecordingMail Mail { get; } = new();

    public AdyenEmulator Emulator { get; private set; } = null!;

    public IReadOnlyList<HarnessNode> Nodes => nodes;

    public HarnessNode Primary => nodes[0];

    public static async Task<HarnessHost> StartAsync(SqlDialect dialect, bool twoHosts)
    {
        var host = new HarnessHost(await TestDatabase.CreateAsync(dialect));
        var primary = host.Start("host-1", new Dictionary<string, string?>());
        host.Emulator = primary.Services.GetRequiredService<AdyenEndpoint>().Emulator!;
        host.Emulator.Chaos.HoldWebhooks = true;
        var server = ((WebApplicationFactory<Program>)host.owned[^1]).Server;
        host.Emulator.WebhookTarget = new WebhookTarget(server.CreateClient(), new Uri(server.BaseAddress, "/api/webhooks/adyen"));
        if (twoHosts && dialect == SqlDialect.Postgres)
        {
            // The second host calls the first host's emulator with the same keys: one processor, two portals.
            var adyen = primary.Services.GetRequiredService<AdyenOptions>();
            host.Start("host-2", new Dictionary<string, string?>
            {
                ["Payments:Adyen:BaseUrl"] = host.Emulator.BaseUrl.ToString(), ["Payments:Adyen:ApiKey"] = adyen.ApiKey,
                ["Payments:Adyen:MerchantAccount"] = adyen.MerchantAccount, ["Payments:Adyen:HmacKey"] = adyen.HmacKey,
                ["Payments:Adyen:WebhookUsername"] = adyen.WebhookUsername, ["Payments:Adyen:WebhookPassword"] = adyen.WebhookPassword,
            });
        }
        // A cold first call (JIT on both sides) can outlast the short client timeout and would look like a drawn fault.
        foreach (var node in host.nodes)
        {
            await using var scope = node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AdyenCheckoutClient>().ListStoredPaymentMethodsAsync("warm-up", CancellationToken.None);
        }
        return host;
    }

    public void Advance(TimeSpan by)
    {
        foreach (var node in nodes)
            node.Clock.Advance(by);
    }

    private HarnessNode Start(string name, Dictionary<string, string?> settings)
    {
        // Thousands of runs with injected faults log thousands of expected warnings; the trace says what happened.
        settings["Logging:LogLevel:Default"] = "None";
        // Invoices dated before it stay out of the portal; each run may add one, which no payment may touch.
        settings["Portal:InvoiceCutoverDate"] = Arrange.Cutover.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var inner = new PortalWebFactory(Database, settings);
        owned.Add(inner);
        var factory = inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IEmailSender>(Mail);
            // First in the collection, so MediatR runs it outermost: around the transaction, not inside it.
            services.Insert(0, ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(FaultBehavior<,>)));
            services.Configure<HttpClientFactoryOptions>(nameof(AdyenCheckoutClient), o => o.HttpClientActions.Add(c => c.Timeout = ClientTimeout));
        }));
        owned.Add(factory);
        _ = factory.Server;
        var node = new HarnessNode(name, factory, inner.Clock);
        nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
            await owned[i].DisposeAsync();
        await Database.DisposeAsync();
    }
}
