using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal sealed class UpdateVisitCommandValidator : AbstractValidator<UpdateVisitCommand>
{
    public UpdateVisitCommandValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.Status).IsInEnum().WithMessage("Status must be planned, in_progress, completed or cancelled.");
        RuleFor(c => c.Services).Cascade(CascadeMode.Stop).NotNull().Must(s => s.Count <= VisitLimits.MaxServices)
            .WithMessage($"A visit may have at most {VisitLimits.MaxServices} services.");
        RuleForEach(c => c.Services).NotNull().ChildRules(service =>
        {
            service.RuleFor(s => s.Name).NotEmpty().MaximumLength(VisitLimits.MaxNameLength);
            service.RuleFor(s => s.Status).IsInEnum().WithMessage("Service status must be planned, in_progress or completed.");
        });
        RuleFor(c => c.Materials).Cascade(CascadeMode.Stop).NotNull().Must(m => m.Count <= VisitLimits.MaxMaterials)
            .WithMessage($"A visit may have at most {VisitLimits.MaxMaterials} materials.");
        RuleForEach(c => c.Materials).NotNull().ChildRules(material =>
        {
            material.RuleFor(m => m.Name).NotEmpty().MaximumLength(VisitLimits.MaxNameLength);
            material.RuleFor(m => m.Quantity).GreaterThan(0).LessThanOrEqualTo(VisitLimits.MaxQuantity)
                .WithMessage($"Quantity must be more than 0 and at most {VisitLimits.MaxQuantity:0}.");
            material.RuleFor(m => m.Unit).NotEmpty().MaximumLength(VisitLimits.MaxUnitLength);
        });
        RuleFor(c => c.Notes).MaximumLength(VisitLimits.MaxNotesLength);
    }
}

internal sealed class UpdateVisitCommandHandler(IDatabase db, TimeProvider clock) : AsyncRequestHandler<UpdateVisitCommand>
{
    protected override async Task Handle(UpdateVisitCommand command, CancellationToken ct)
    {
        const string find = $"select {VisitSql.Columns} from jobsites_visits v where v.id = @VisitId";
        var visit = await db.QuerySingleOrDefaultAsync<VisitRow>(find, new { command.VisitId }, ct)
            ?? throw new NotFoundException($"Visit {command.VisitId} was not found.");
        var now = clock.GetUtcNow();
        var times = Visit.ChangeStatus(Visit.ParseStatus(visit.Status), command.Status, new VisitTimes(visit.StartedAt, visit.CompletedAt), now);
        const string sql = """
            update jobsites_visits
            set status = @Status, services_json = @ServicesJson, materials_json = @MaterialsJson, notes = @Notes,
                started_at = @StartedAt, completed_at = @CompletedAt, updated_at = @Now
            where id = @VisitId
            """;
        await db.ExecuteAsync(sql, new
        {
            command.VisitId,
            Status = Visit.ToText(command.Status),
            ServicesJson = VisitSql.WriteServices(command.Services),
            MaterialsJson = VisitSql.WriteMaterials(command.Materials),
            Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(),
            times.StartedAt,
            times.CompletedAt,
            Now = now,
        }, ct);
    }
}
