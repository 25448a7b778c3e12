using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Portal.BuildingBlocks.Data;

namespace Portal.Host.Jobs;

/// <summary>
/// Hangfire runs one recurring job per schedule. On PostgreSQL its storage (schema `hangfire`, installed by the migration
/// step) lets any number of hosts share the schedules, each firing running on one of them; on SQLite, one host by design,
/// the storage is in memory and every durable fact stays in our own tables.
/// </summary>
internal static class HangfireSetup
{
    public const string SchemaName = "hangfire";

    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<JobRunner>();
        services.AddSingleton<HangfireSchema>();
        services.AddTransient<ScheduledJob>();
        // Per host, not Hangfire's static JobStorage.Current: several hosts share one process in the tests.
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<ConnectionFactory>(), config));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) =>
        {
            HangfireLogging.Instance.Use(sp.GetRequiredService<ILoggerFactory>());
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogging.Instance);
        });
        if (string.Equals(config["Jobs:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
            return services;

        services.AddHostedService<RecurringJobsRegistration>();
        services.AddSingleton(new JobServerName($"{Environment.MachineName}-{Guid.NewGuid():N}"));
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = config.GetValue("Jobs:WorkerCount", 4);
            // Recurring jobs are checked this often: a 1 s poll makes a firing start within about a second of its time.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(config.GetValue("Jobs:SchedulePollingSeconds", 1));
            o.ServerName = sp.GetRequiredService<JobServerName>().Value;
        });
        return services;
    }

    private static JobStorage CreateStorage(ConnectionFactory database, IConfiguration config)
    {
        if (database.Dialect != SqlDialect.Postgres)
            return new InMemoryStorage(new InMemoryStorageOptions());
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            // Our migration step installs the schema under the migrator's advisory lock; Hangfire's own installer takes no lock.
            PrepareSchemaIfNecessary = false,
            // LISTEN/NOTIFY: a job enqueued on one host is picked up by another in milliseconds (every host has it on).
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),
            // A running job's fetch time is kept fresh; when its host dies, another host takes the job after this timeout.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(config.GetValue("Jobs:InvisibilityTimeoutSeconds", 300)),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
}
