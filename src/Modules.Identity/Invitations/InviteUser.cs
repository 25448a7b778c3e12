using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Emails;

namespace Portal.Modules.Identity.Invitations;

internal sealed class InviteUserCommandValidator : AbstractValidator<InviteUserCommand>
{
    public InviteUserCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.Role).IsInEnum().WithMessage("Role must be basic, accounting or admin.");
    }
}

/// <summary>Stores the invitation (its token hashed) in a short transaction, then emails the link with the raw token.</summary>
internal sealed class InviteUserCommandHandler(IMediator mediator, IEmailSender email, IdentityEmails emails) : IRequestHandler<InviteUserCommand, InvitationDto>
{
    public async Task<InvitationDto> Handle(InviteUserCommand command, CancellationToken ct)
    {
        var created = await mediator.Send(new CreateInvitationCommand(command.AccountId, command.Email.Trim(), command.Role, command.InvitedBy), ct);
        await email.SendAsync(emails.Invitation(command.Email.Trim(), created.AccountName, command.Role, created.Token, created.ExpiresAt), ct);
        return new InvitationDto(created.InvitationId, created.ExpiresAt);
    }
}

internal sealed record CreateInvitationCommand(Guid AccountId, string Email, AccountRole Role, Guid? InvitedBy) : ICommand<CreatedInvitation>;

internal sealed record CreatedInvitation(Guid InvitationId, string Token, DateTimeOffset ExpiresAt, string AccountName);

internal sealed class CreateInvitationCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock) : IRequestHandler<CreateInvitationCommand, CreatedInvitation>
{
    public async Task<CreatedInvitation> Handle(CreateInvitationCommand command, CancellationToken ct)
    {
        var accountName = await db.QuerySingleOrDefaultAsync<string>("select name from identity_accounts where id = @AccountId", command, ct)
            ?? throw new NotFoundException("The account does not exist.");
        var token = Tokens.New();
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync("""
            insert into identity_invitations (id, token_hash, account_id, email, role, invited_by, created_at, expires_at)
            values (@Id, @Hash, @AccountId, @Email, @Role, @InvitedBy, @Now, @Expires)
            """, new
        {
            Id = id, Hash = Tokens.Hash(token), command.AccountId, command.Email, Role = Roles.Name(command.Role), command.InvitedBy,
            Now = now, Expires = now + options.InvitationLifetime,
        }, ct);
        return new CreatedInvitation(id, token, now + options.InvitationLifetime, accountName);
    }
}
