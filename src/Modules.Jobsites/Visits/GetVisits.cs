using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal sealed class GetVisitsQueryValidator : AbstractValidator<GetVisitsQuery>
{
    public GetVisitsQueryValidator(TimeProvider clock)
    {
        RuleFor(q => q.AccountId).NotEmpty();
        RuleFor(q => q.To)
            .Must((q, _) => TimelineWindow.Resolve(q.From, q.To, TimelineWindow.Today(clock)).IsValid)
            .WithMessage($"To must be on or after From, at most {TimelineWindow.MaxDays} days later.");
    }
}

internal sealed class GetVisitsQueryHandler(IDatabase db, TimeProvider clock) : IRequestHandler<GetVisitsQuery, IReadOnlyList<TimelineVisitDto>>
{
    public async Task<IReadOnlyList<TimelineVisitDto>> Handle(GetVisitsQuery query, CancellationToken ct)
    {
        var window = TimelineWindow.Resolve(query.From, query.To, TimelineWindow.Today(clock));
        const string sql = $"""
            select {VisitSql.Columns}, j.name as jobsite_name
            from jobsites_visits v join jobsites_jobsites j on j.id = v.jobsite_id
            where v.account_id = @AccountId and v.scheduled_start >= @Start and v.scheduled_start < @End
            order by v.scheduled_start, v.id
            """;
        var rows = await db.QueryAsync<TimelineRow>(sql, new { query.AccountId, window.Start, window.End }, ct);
        return rows.Select(v => new TimelineVisitDto(
            v.Id, v.JobsiteId, v.JobsiteName, v.ScheduledStart, v.ScheduledEnd, Visit.ParseStatus(v.Status), VisitSql.ReadServices(v.ServicesJson)))
            .ToList();
    }

    private sealed class TimelineRow
    {
        public Guid Id { get; init; }
        public Guid JobsiteId { get; init; }
        public string JobsiteName { get; init; } = "";
        public DateTimeOffset ScheduledStart { get; init; }
        public DateTimeOffset ScheduledEnd { get; init; }
        public string Status { get; init; } = "";
        public string ServicesJson { get; init; } = "[]";
    }
}
