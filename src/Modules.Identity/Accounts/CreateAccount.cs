using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.Modules.Identity.Accounts;

internal sealed class CreateAccountCommandValidator : AbstractValidator<CreateAccountCommand>
{
    public CreateAccountCommandValidator()
    {
        RuleFor(c => c.AccountNumber).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("Account number may contain letters, digits, '.', '_' and '-'.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.BillingEmail).NotEmpty().MaximumLength(254).EmailAddress();
    }
}

internal sealed class CreateAccountCommandHandler(IDatabase db, TimeProvider clock) : MediatR.IRequestHandler<CreateAccountCommand, Guid>
{
    public async Task<Guid> Handle(CreateAccountCommand command, CancellationToken ct)
    {
        const string sql = """
            insert into identity_accounts (id, account_number, name, billing_email, created_at)
            values (@Id, @AccountNumber, @Name, @BillingEmail, @Now)
            on conflict (account_number) do nothing
            """;
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(sql, new
        {
            Id = id,
            AccountNumber = command.AccountNumber.Trim(),
            Name = command.Name.Trim(),
            BillingEmail = command.BillingEmail.Trim(),
            Now = clock.GetUtcNow(),
        }, ct);
        return inserted == 1 ? id : throw new ConflictException($"Account number '{command.AccountNumber}' is already taken.");
    }
}
