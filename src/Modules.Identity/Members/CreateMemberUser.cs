using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts.Members;
using Portal.Modules.Identity.Passwords;
using Portal.Modules.Identity.Users;

namespace Portal.Modules.Identity.Members;

internal sealed class CreateMemberUserCommandValidator : AbstractValidator<CreateMemberUserCommand>
{
    public CreateMemberUserCommandValidator(PasswordPolicy policy)
    {
        this.NewUser(c => c.UserId, c => c.Name);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Password).MeetsPolicy(policy, c => c.UserId);
    }
}

internal sealed class CreateMemberUserCommandHandler(IDatabase db, PasswordHashing hashing, TimeProvider clock) : IRequestHandler<CreateMemberUserCommand, Guid>
{
    public async Task<Guid> Handle(CreateMemberUserCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await db.QuerySingleOrDefaultAsync<string>("select name from identity_accounts where id = @AccountId", command, ct) is null)
            throw new NotFoundException("The account does not exist.");
        var userKey = await UserIds.InsertAsync(db, command.UserId, command.Name, command.Email, await hashing.HashAsync(command.Password, ct), null, now, ct)
            ?? throw new ConflictException($"User ID '{command.UserId}' is already taken.");
        await db.ExecuteAsync("insert into identity_memberships (account_id, user_key, role, created_at) values (@AccountId, @UserKey, @Role, @Now)",
            new { command.AccountId, UserKey = userKey, Role = Roles.Name(command.Role), Now = now }, ct);
        return userKey;
    }
}
