using Portal.BuildingBlocks.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Base of a test class that runs once per dialect: each test gets a fresh database and host.</summary>
public abstract class IntegrationTest(SqlDialect dialect) : IAsyncLifetime
{
    private PortalTestHost? portal;
    private TestDatabase? database;

    protected SqlDialect Dialect => dialect;

    protected PortalTestHost Portal => portal ?? throw new InvalidOperationException("Not initialized.");

    protected TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    protected virtual IDictionary<string, string?>? Settings => null;

    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(dialect);
        portal = await PortalTestHost.StartAsync(database, ConfigureServices, Settings);
    }

    public async Task DisposeAsync()
    {
        if (portal is not null)
            await portal.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }
}

/// <summary>Base of an HTTP test class that runs once per dialect against the real Host.</summary>
public abstract class HttpTest(SqlDialect dialect) : IAsyncLifetime
{
    private PortalWebFactory? factory;
    private TestDatabase? database;

    protected SqlDialect Dialect => dialect;

    protected PortalWebFactory Factory => factory ?? throw new InvalidOperationException("Not initialized.");

    protected virtual IDictionary<string, string?>? Settings => null;

    protected HttpClient CreateClient() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(dialect);
        factory = new PortalWebFactory(database, Settings);
        _ = factory.Server;
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
            await factory.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }
}
