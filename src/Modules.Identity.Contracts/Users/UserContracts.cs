using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Users;

/// <summary>The signed-in user's profile and the accounts they belong to.</summary>
public sealed record GetMeQuery(Guid UserKey) : IQuery<MeDto?>;

public sealed record MeDto(string UserId, string Name, string Email, bool EmailNotifications, StaffRole? StaffRole, IReadOnlyList<MembershipDto> Accounts);

/// <summary>One account a user belongs to, with their role in it.</summary>
public sealed record MembershipDto(Guid AccountId, string AccountNumber, string Name, AccountRole Role);

/// <summary>The user's role in the account, or null when they are not a member.</summary>
public sealed record GetAccountRoleQuery(Guid UserKey, Guid AccountId) : IQuery<AccountRole?>;

/// <summary>Changes the password after checking the current one; ends every other session of the user.</summary>
public sealed record ChangePasswordCommand(Guid UserKey, string CurrentPassword, string NewPassword, string? KeepSessionKey) : ICommand;

public sealed record UpdatePreferencesCommand(Guid UserKey, bool EmailNotifications) : ICommand;

/// <summary>Sends a single-use reset link when the user ID and email match; does the same visible work when they do not.</summary>
public sealed record ForgotPasswordCommand(string UserId, string Email) : IWorkflowCommand<MediatR.Unit>;

/// <summary>Sets a new password from an emailed token and ends every session of the user.</summary>
public sealed record ResetPasswordCommand(string Token, string NewPassword) : ICommand;

/// <summary>Creates a staff user (finance or admin) for the back office.</summary>
public sealed record CreateStaffUserCommand(string UserId, string Name, string Email, StaffRole Role, string Password) : ICommand<Guid>;

/// <summary>The users of an account whose email switch is on and whose role is at least the given one.</summary>
public sealed record GetNotificationRecipientsQuery(Guid AccountId, AccountRole MinimumRole) : IQuery<IReadOnlyList<RecipientDto>>;

public sealed record RecipientDto(string UserId, string Name, string Email);

/// <summary>The password rule in words, for forms to show before the user types.</summary>
public sealed record GetPasswordRuleQuery : IQuery<PasswordRuleDto>;

public sealed record PasswordRuleDto(string Description, int MinLength, int MaxLength);

/// <summary>The back-office staff (finance and admin) who want email, for alerts such as chargebacks.</summary>
public sealed record GetStaffRecipientsQuery : IQuery<IReadOnlyList<RecipientDto>>;
