using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;
using Portal.Modules.Jobsites.Visits;

namespace Portal.Modules.Jobsites.Jobsites;

internal sealed class GetJobsiteQueryHandler(IDatabase db) : IRequestHandler<GetJobsiteQuery, JobsiteDto?>
{
    public async Task<JobsiteDto?> Handle(GetJobsiteQuery query, CancellationToken ct)
    {
        const string jobsiteSql = """
            select id, account_id, name, address, latitude, longitude
            from jobsites_jobsites where id = @JobsiteId and account_id = @AccountId
            """;
        var jobsite = await db.QuerySingleOrDefaultAsync<JobsiteRow>(jobsiteSql, query, ct);
        if (jobsite is null)
            return null;
        const string visitsSql = $"""
            select {VisitSql.Columns} from jobsites_visits v
            where v.jobsite_id = @JobsiteId and v.account_id = @AccountId
            order by v.scheduled_start desc, v.id desc
            """;
        const string photosSql = """
            select p.id, p.visit_id, p.caption from jobsites_photos p
            join jobsites_visits v on v.id = p.visit_id
            where v.jobsite_id = @JobsiteId and p.account_id = @AccountId
            order by p.created_at, p.id
            """;
        var visits = await db.QueryAsync<VisitRow>(visitsSql, query, ct);
        var photos = (await db.QueryAsync<PhotoRow>(photosSql, query, ct)).ToLookup(p => p.VisitId, p => new VisitPhotoDto(p.Id, p.Caption));
        return new JobsiteDto(
            jobsite.Id, jobsite.AccountId, jobsite.Name, jobsite.Address, jobsite.Latitude, jobsite.Longitude,
            visits.Select(v => new VisitDto(
                v.Id, v.ScheduledStart, v.ScheduledEnd, Visit.ParseStatus(v.Status), v.Services, v.Materials, v.Notes,
                photos[v.Id].ToList(), v.StartedAt, v.CompletedAt)).ToList());
    }

    private sealed class JobsiteRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string Name { get; init; } = "";
        public string Address { get; init; } = "";
        public double Latitude { get; init; }
        public double Longitude { get; init; }
    }

    private sealed class PhotoRow
    {
        public Guid Id { get; init; }
        public Guid VisitId { get; init; }
        public string? Caption { get; init; }
    }
}
