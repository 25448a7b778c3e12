namespace Portal.Modules.Identity.Passwords;

/// <summary>The configurable password rule; each failure says exactly what to change.</summary>
internal sealed class PasswordPolicy(IdentityOptions options)
{
    public IReadOnlyList<string> Check(string? password, string? userId = null)
    {
        password ??= "";
        var problems = new List<string>();
        if (password.Length < options.PasswordMinLength)
            problems.Add($"Use at least {options.PasswordMinLength} characters.");
        if (password.Length > options.PasswordMaxLength)
            problems.Add($"Use at most {options.PasswordMaxLength} characters.");
        if (options.PasswordRequireComposition && Categories(password) < 3)
            problems.Add("Use at least three of: an upper-case letter, a lower-case letter, a digit, a symbol.");
        if (password.Length > 0 && CommonPasswords.Contains(password))
            problems.Add("This password is too common; choose one that is harder to guess.");
        if (!string.IsNullOrEmpty(userId) && password.Contains(userId, StringComparison.OrdinalIgnoreCase))
            problems.Add("Do not include your user ID in your password.");
        return problems;
    }

    public string Describe() =>
        $"{options.PasswordMinLength} to {options.PasswordMaxLength} characters"
        + (options.PasswordRequireComposition ? ", with at least three of: upper case, lower case, digit, symbol" : "")
        + "; common passwords are refused.";

    private static int Categories(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0)
        + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
}
