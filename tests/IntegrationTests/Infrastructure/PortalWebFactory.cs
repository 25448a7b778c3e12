using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Messaging;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The real Host over a fresh database, with a manual clock, mail in a temp folder and no background timers.</summary>
public sealed class PortalWebFactory(TestDatabase database, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public ManualClock Clock { get; } = new();

    public Mailbox Mailbox { get; } = Mailbox.CreateTemporary();

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var values = new Dictionary<string, string?>(database.Settings())
        {
            ["Email:PickupDirectory"] = Mailbox.Directory,
            ["Outbox:BackgroundDispatch"] = "false",
            // Far below production's 210,000: tests hash hundreds of passwords and check behaviour, not strength.
            ["Identity:HashIterations"] = "1000",
            ["RateLimits:AuthPerMinute"] = "100000",
            ["Jobs:Enabled"] = "false",
            ["Payments:Adyen:EmulatorAchSettlement"] = "manual",
            ["Portal:SeedDemoData"] = "false",
            ["Portal:BaseUrl"] = "http://localhost",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        foreach (var (key, value) in values)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<int> DrainOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DrainAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mailbox.Dispose();
    }
}
