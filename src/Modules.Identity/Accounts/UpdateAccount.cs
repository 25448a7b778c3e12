using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.Modules.Identity.Accounts;

internal sealed class UpdateAccountCommandValidator : AbstractValidator<UpdateAccountCommand>
{
    public UpdateAccountCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.BillingEmail).NotEmpty().MaximumLength(254).EmailAddress();
        RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(64).Must(AccountTimeZone.IsKnown)
            .WithMessage("Time zone must be an IANA time zone such as America/Chicago.");
    }
}

internal sealed class UpdateAccountCommandHandler(IDatabase db) : AsyncRequestHandler<UpdateAccountCommand>
{
    protected override async Task Handle(UpdateAccountCommand command, CancellationToken ct)
    {
        const string sql = """
            update identity_accounts set name = @Name, billing_email = @BillingEmail, time_zone = @TimeZone
            where id = @AccountId
            """;
        var updated = await db.ExecuteAsync(sql, new
        {
            command.AccountId,
            Name = command.Name.Trim(),
            BillingEmail = command.BillingEmail.Trim(),
            TimeZone = command.TimeZone.Trim(),
        }, ct);
        if (updated == 0)
            throw new NotFoundException("No such account.");
    }
}

internal static class AccountTimeZone
{
    public static bool IsKnown(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return false;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            // FindSystemTimeZoneById also takes Windows ids; the account stores IANA ids only, which other systems read.
            return TimeZoneInfo.TryConvertIanaIdToWindowsId(id.Trim(), out _);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
