using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Visits;

namespace Portal.Modules.Jobsites.Jobsites;

internal sealed class GetJobsitesQueryHandler(IDatabase db, TimeProvider clock) : IRequestHandler<GetJobsitesQuery, IReadOnlyList<JobsiteSummaryDto>>
{
    private static readonly TimeSpan CompletedWindow = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<JobsiteSummaryDto>> Handle(GetJobsitesQuery query, CancellationToken ct)
    {
        const string jobsites = """
            select j.id, j.name, j.address, j.latitude, j.longitude,
                case when exists (select 1 from jobsites_visits v where v.jobsite_id = j.id and v.status = 'in_progress')
                    then 1 else 0 end as in_progress,
                case when exists (select 1 from jobsites_visits v
                                  where v.jobsite_id = j.id and v.status = 'completed' and v.completed_at >= @CompletedSince)
                    then 1 else 0 end as completed_this_week
            from jobsites_jobsites j
            where j.account_id = @AccountId
            order by j.name, j.id
            """;
        // The pin shows what matters now: a visit under way, else the last one that was due to start, else the next one.
        const string latestVisits = $"""
            select {VisitSql.Columns}
            from (select v.*, row_number() over (partition by v.jobsite_id order by
                         case when v.status = 'in_progress' then 0 when v.scheduled_start <= @Now then 1 else 2 end,
                         case when v.scheduled_start <= @Now then v.scheduled_start end desc nulls last,
                         v.scheduled_start, v.id) as position
                  from jobsites_visits v where v.account_id = @AccountId) v
            where v.position = 1
            """;
        var now = clock.GetUtcNow();
        var parameters = new { query.AccountId, Now = now, CompletedSince = now - CompletedWindow };
        var rows = await db.QueryAsync<JobsiteRow>(jobsites, parameters, ct);
        if (rows.Count == 0)
            return [];
        var latest = (await db.QueryAsync<VisitRow>(latestVisits, parameters, ct)).ToDictionary(v => v.JobsiteId);
        return rows.Select(j => new JobsiteSummaryDto(
            j.Id, j.Name, j.Address, j.Latitude, j.Longitude,
            latest.TryGetValue(j.Id, out var visit) ? visit.ToSummary() : null,
            j.InProgress, j.CompletedThisWeek)).ToList();
    }

    private sealed class JobsiteRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Address { get; init; } = "";
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public bool InProgress { get; init; }
        public bool CompletedThisWeek { get; init; }
    }
}
