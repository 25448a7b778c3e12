using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;

namespace Portal.Modules.Jobsites.Jobsites;

internal sealed class CreateJobsiteCommandValidator : AbstractValidator<CreateJobsiteCommand>
{
    public CreateJobsiteCommandValidator()
    {
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Address).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Latitude).InclusiveBetween(-90, 90).WithMessage("Latitude must be between -90 and 90 degrees.");
        RuleFor(c => c.Longitude).InclusiveBetween(-180, 180).WithMessage("Longitude must be between -180 and 180 degrees.");
    }
}

internal sealed class CreateJobsiteCommandHandler(IDatabase db, IMediator mediator, TimeProvider clock) : IRequestHandler<CreateJobsiteCommand, Guid>
{
    public async Task<Guid> Handle(CreateJobsiteCommand command, CancellationToken ct)
    {
        _ = await mediator.Send(new GetAccountQuery(command.AccountId), ct)
            ?? throw new NotFoundException($"Account {command.AccountId} was not found.");
        const string sql = """
            insert into jobsites_jobsites (id, account_id, name, address, latitude, longitude, created_at)
            values (@Id, @AccountId, @Name, @Address, @Latitude, @Longitude, @Now)
            """;
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await db.ExecuteAsync(sql, new
        {
            Id = id,
            command.AccountId,
            Name = command.Name.Trim(),
            Address = command.Address.Trim(),
            command.Latitude,
            command.Longitude,
            Now = now,
        }, ct);
        return id;
    }
}
