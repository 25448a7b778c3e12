using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Identity.Passwords;
using Portal.Modules.Identity.Sessions;

namespace Portal.Modules.Identity.Users;

internal sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).MeetsPolicy(policy);
    }
}

internal sealed class ChangePasswordCommandHandler(IDatabase db, IOutbox outbox, PasswordHashing hashing, TimeProvider clock) : AsyncRequestHandler<ChangePasswordCommand>
{
    protected override async Task Handle(ChangePasswordCommand command, CancellationToken ct)
    {
        var hash = await db.QuerySingleOrDefaultAsync<string>("select password_hash from identity_users where id = @UserKey", command, ct);
        if (await hashing.VerifyAsync(hash, command.CurrentPassword, ct) == PasswordCheck.Wrong)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.CurrentPassword), "The current password is not right.")]);
        await db.ExecuteAsync("update identity_users set password_hash = @Hash where id = @UserKey",
            new { Hash = await hashing.HashAsync(command.NewPassword, ct), command.UserKey }, ct);
        await SessionRevocation.EndAllAsync(db, command.UserKey, command.KeepSessionKey, clock.GetUtcNow(), ct);
        outbox.Add(new PasswordChangedEvent(command.UserKey, ByReset: false));
    }
}

internal sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200).WithMessage("The reset link is not valid.");
        RuleFor(c => c.NewPassword).MeetsPolicy(policy);
    }
}

internal sealed class ResetPasswordCommandHandler(IDatabase db, IOutbox outbox, PasswordHashing hashing, TimeProvider clock) : AsyncRequestHandler<ResetPasswordCommand>
{
    protected override async Task Handle(ResetPasswordCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Claiming the token and checking it in one statement makes it single-use even under double submits.
        var userKey = await db.QuerySingleOrDefaultAsync<Guid?>("""
            update identity_password_resets set used_at = @Now
            where token_hash = @Hash and used_at is null and expires_at > @Now
            returning user_key
            """, new { Hash = Tokens.Hash(command.Token), Now = now }, ct);
        if (userKey is null)
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.Token),
                "This reset link is not valid: it was already used, has expired, or is mistyped. Ask for a new one.")]);
        await db.ExecuteAsync("update identity_users set password_hash = @Hash where id = @UserKey",
            new { Hash = await hashing.HashAsync(command.NewPassword, ct), UserKey = userKey }, ct);
        await SessionRevocation.EndAllAsync(db, userKey.Value, null, now, ct);
        outbox.Add(new PasswordChangedEvent(userKey.Value, ByReset: true));
    }
}
