using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.Host;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The Host's service collection against a fresh database, with a manual clock and mail in a temp folder.
/// Tests act with <see cref="SendAsync{T}"/> and deliver events with <see cref="DrainOutboxAsync"/>.
/// </summary>
public sealed class PortalTestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private PortalTestHost(ServiceProvider provider, TestDatabase database, ManualClock clock, Mailbox mailbox)
    {
        this.provider = provider;
        Database = database;
        Clock = clock;
        Mailbox = mailbox;
    }

    public IServiceProvider Services => provider;

    public TestDatabase Database { get; }

    public ManualClock Clock { get; }

    public Mailbox Mailbox { get; }

    public static async Task<PortalTestHost> StartAsync(
        TestDatabase database, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var clock = new ManualClock();
        var mailbox = Mailbox.CreateTemporary();
        var values = new Dictionary<string, string?>(database.Settings())
        {
            ["Email:PickupDirectory"] = mailbox.Directory,
            ["Outbox:BackgroundDispatch"] = "false",
            // Far below production's 210,000: tests hash hundreds of passwords and check behaviour, not strength.
            ["Identity:HashIterations"] = "1000",
            ["RateLimits:AuthPerMinute"] = "100000",
            ["Portal:BaseUrl"] = "http://portal.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortal(config);
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<Migrator>().MigrateAsync();
        return new PortalTestHost(provider, database, clock, mailbox);
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public Task<int> DrainOutboxAsync() => provider.GetRequiredService<OutboxDispatcher>().DrainAsync();

    /// <summary>Runs SQL in its own scope, for arranging and asserting what the public queries do not show.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabase>().QueryAsync<T>(sql, param);
    }

    public async Task<int> ExecuteAsync(string sql, object? param = null)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync(sql, param);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Mailbox.Dispose();
    }
}
