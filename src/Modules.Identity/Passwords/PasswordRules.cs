using FluentValidation;

namespace Portal.Modules.Identity.Passwords;

/// <summary>The rules every form that sets a password or creates a user shares, so each says the same thing.</summary>
internal static class PasswordRules
{
    /// <summary>Adds each failure of the password policy as its own message on the field.</summary>
    public static IRuleBuilderOptionsConditions<T, string> MeetsPolicy<T>(this IRuleBuilder<T, string> rule, PasswordPolicy policy, Func<T, string?>? userId = null) =>
        rule.Custom((password, context) =>
        {
            foreach (var problem in policy.Check(password, userId?.Invoke(context.InstanceToValidate)))
                context.AddFailure(context.PropertyPath, problem);
        });

    public static void NewUser<T>(this AbstractValidator<T> validator, Func<T, string> userId, Func<T, string> name)
    {
        validator.RuleFor(c => userId(c)).NotEmpty().Length(3, 64).Matches(Users.UserIds.Pattern).WithMessage(Users.UserIds.Rule).OverridePropertyName("UserId");
        validator.RuleFor(c => name(c)).NotEmpty().MaximumLength(200).OverridePropertyName("Name");
    }
}
