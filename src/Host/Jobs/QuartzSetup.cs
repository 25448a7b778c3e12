using Npgsql;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Quartz;

namespace Portal.Host.Jobs;

/// <summary>
/// One Quartz job per schedule. On PostgreSQL the job store is clustered so each trigger fires on one host;
/// SQLite cannot cluster, so there the store is in memory and one host runs.
/// </summary>
internal static class QuartzSetup
{
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<JobRunner>();
        if (string.Equals(config["Jobs:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
            return services;

        var postgres = DatabaseProviders.From(config) == DatabaseProvider.Postgres;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "portal";
                s.GenerateInstanceId = true;
            });
            if (postgres)
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, config.GetConnectionString("Portal")!);
                    store.ConfigureStore(o => o.TablePrefix = "qrtz_");
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                });
            else
                q.UseInMemoryStore(_ => { });

            foreach (var schedule in PortalComposition.Schedules)
            {
                var cron = config[$"Jobs:{schedule.Name}:Cron"] ?? schedule.Cron;
                q.AddJob<ScheduledCommandJob>(job => job.WithIdentity(schedule.Name).StoreDurably());
                q.AddTrigger(trigger => trigger.ForJob(schedule.Name).WithIdentity(schedule.Name)
                    .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}

[DisallowConcurrentExecution]
internal sealed class ScheduledCommandJob(JobRunner runner, ILogger<ScheduledCommandJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        try
        {
            await runner.RunAsync(context.JobDetail.Key.Name, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A sweep is safe to rerun; the next trigger will pick up what this one missed.
            logger.LogError(ex, "Job {Job} failed", context.JobDetail.Key.Name);
        }
    }
}
