using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Identity.Passwords;

namespace Portal.Modules.Identity.Users;

internal sealed class CreateStaffUserCommandValidator : AbstractValidator<CreateStaffUserCommand>
{
    public CreateStaffUserCommandValidator(PasswordPolicy policy)
    {
        this.NewUser(c => c.UserId, c => c.Name);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Password).MeetsPolicy(policy, c => c.UserId);
    }
}

internal sealed class CreateStaffUserCommandHandler(IDatabase db, PasswordHashing hashing, TimeProvider clock) : IRequestHandler<CreateStaffUserCommand, Guid>
{
    public async Task<Guid> Handle(CreateStaffUserCommand command, CancellationToken ct)
    {
        var id = await UserIds.InsertAsync(db, command.UserId, command.Name, command.Email, await hashing.HashAsync(command.Password, ct),
            Roles.Name(command.Role), clock.GetUtcNow(), ct);
        return id ?? throw new ConflictException($"User ID '{command.UserId}' is already taken.");
    }
}

/// <summary>User IDs: what they may look like, and inserting one only when nobody has it yet.</summary>
internal static class UserIds
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._@-]*$";
    public const string Rule = "User ID may contain letters, digits, '.', '_', '@' and '-', and starts with a letter or digit.";

    public static async Task<Guid?> InsertAsync(IDatabase db, string userId, string name, string email, string hash, string? staffRole, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            insert into identity_users (id, user_id, user_id_normalized, name, email, password_hash, email_notifications, staff_role, created_at)
            values (@Id, @UserId, @Normalized, @Name, @Email, @Hash, @On, @StaffRole, @Now)
            on conflict (user_id_normalized) do nothing
            """;
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(sql, new
        {
            Id = id, UserId = userId.Trim(), Normalized = Roles.Normalize(userId), Name = name.Trim(), Email = email.Trim(),
            Hash = hash, On = true, StaffRole = staffRole, Now = now,
        }, ct);
        return inserted == 1 ? id : null;
    }
}
