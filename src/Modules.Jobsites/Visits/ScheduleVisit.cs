using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal sealed class ScheduleVisitCommandValidator : AbstractValidator<ScheduleVisitCommand>
{
    public ScheduleVisitCommandValidator()
    {
        RuleFor(c => c.JobsiteId).NotEmpty();
        RuleFor(c => c.ScheduledEnd).GreaterThan(c => c.ScheduledStart).WithMessage("Scheduled end must be after the scheduled start.");
        RuleFor(c => c.Services).Cascade(CascadeMode.Stop).NotNull().Must(s => s.Count <= VisitLimits.MaxServices)
            .WithMessage($"A visit may have at most {VisitLimits.MaxServices} services.");
        RuleForEach(c => c.Services).NotNull().ChildRules(service =>
            service.RuleFor(s => s.Name).NotEmpty().MaximumLength(VisitLimits.MaxNameLength));
    }
}

internal sealed class ScheduleVisitCommandHandler(IDatabase db, TimeProvider clock) : IRequestHandler<ScheduleVisitCommand, Guid>
{
    public async Task<Guid> Handle(ScheduleVisitCommand command, CancellationToken ct)
    {
        const string findJobsite = "select account_id from jobsites_jobsites where id = @JobsiteId";
        var jobsite = await db.QuerySingleOrDefaultAsync<JobsiteOwnerRow>(findJobsite, new { command.JobsiteId }, ct)
            ?? throw new NotFoundException($"Jobsite {command.JobsiteId} was not found.");
        const string sql = """
            insert into jobsites_visits (id, jobsite_id, account_id, scheduled_start, scheduled_end, status,
                services_json, materials_json, notes, started_at, completed_at, created_at, updated_at)
            values (@Id, @JobsiteId, @AccountId, @ScheduledStart, @ScheduledEnd, @Status,
                @ServicesJson, '[]', null, null, null, @Now, @Now)
            """;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await db.ExecuteAsync(sql, new
        {
            Id = id,
            command.JobsiteId,
            jobsite.AccountId,
            ScheduledStart = command.ScheduledStart.ToUniversalTime(),
            ScheduledEnd = command.ScheduledEnd.ToUniversalTime(),
            Status = Visit.ToText(VisitStatus.Planned),
            ServicesJson = VisitSql.WriteServices(command.Services.Select(s => new VisitServiceDto(s.Name, ServiceStatus.Planned))),
            Now = now,
        }, ct);
        return id;
    }

    private sealed class JobsiteOwnerRow
    {
        public Guid AccountId { get; init; }
    }
}
