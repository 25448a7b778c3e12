using Hangfire;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Reads what Hangfire's storage recorded: the scheduler runs on its own clock, so tests wait for it, bounded.</summary>
public static class HangfireProbe
{
    /// <summary>Succeeded runs of one recurring job, as the storage lists them.</summary>
    public static int Succeeded(JobStorage storage, string job) =>
        storage.GetMonitoringApi().SucceededJobs(0, 10_000).Count(j => j.Value.Job?.Args.FirstOrDefault() as string == job);

    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(200);
        }
        return condition();
    }
}

/// <summary>One firing of a recurring job in Hangfire's PostgreSQL storage: when it was due, its state, and how often a server started it.</summary>
public sealed record Firing(long JobId, string Time, string State, long Runs, string? Servers, string? Result);

/// <summary>Reads Hangfire's own PostgreSQL tables (schema `hangfire`) to see how each firing ran across hosts.</summary>
public static class HangfireTables
{
    private const string FiringsSql = """
        select j.id as job_id, t.value as time, j.statename as state,
               (select count(*) from hangfire.state s where s.jobid = j.id and s.name = 'Processing') as runs,
               (select string_agg(distinct s.data::jsonb ->> 'ServerId', ',') from hangfire.state s where s.jobid = j.id and s.name = 'Processing') as servers,
               (select string_agg(coalesce(s.data::jsonb ->> 'Result', s.data::jsonb ->> 'ExceptionMessage'), ',') from hangfire.state s
                where s.jobid = j.id and s.name in ('Succeeded', 'Failed')) as result
        from hangfire.job j
        join hangfire.jobparameter r on r.jobid = j.id and r.name = 'RecurringJobId' and r.value = @Job
        left join hangfire.jobparameter t on t.jobid = j.id and t.name = 'Time'
        order by j.id
        """;

    public static async Task<IReadOnlyList<Firing>> FiringsAsync(string connectionString, string job)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        var rows = await Dapper.SqlMapper.QueryAsync<(long JobId, string Time, string State, long Runs, string? Servers, string? Result)>(
            connection, FiringsSql, new { Job = System.Text.Json.JsonSerializer.Serialize(job) });
        return rows.Select(r => new Firing(r.JobId, r.Time, r.State, r.Runs, r.Servers, r.Result)).ToList();
    }
}
