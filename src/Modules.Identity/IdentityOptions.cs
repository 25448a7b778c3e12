using Microsoft.Extensions.Configuration;

namespace Portal.Modules.Identity;

/// <summary>Identity settings from the "Identity" section; the defaults follow DESIGN.md.</summary>
internal sealed record IdentityOptions
{
    /// <summary>PBKDF2 iterations; OWASP asks for at least 210,000 with HMAC-SHA512.</summary>
    public int HashIterations { get; init; } = 210_000;

    public int PasswordMinLength { get; init; } = 8;

    public int PasswordMaxLength { get; init; } = 20;

    /// <summary>Require three of upper case, lower case, digit and symbol. Operators following NIST 800-63B turn this off.</summary>
    public bool PasswordRequireComposition { get; init; } = true;

    public int MaxFailedLogins { get; init; } = 5;

    public TimeSpan Lockout { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan SessionIdle { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    public TimeSpan InvitationLifetime { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan ResetLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Reset emails one user can be sent per hour; further requests get the same answer and send nothing.</summary>
    public int ResetEmailsPerHour { get; init; } = 3;

    public string BaseUrl { get; init; } = "http://localhost:5000";

    /// <summary>The IANA time zone of accounts that have not chosen one (Portal:DefaultTimeZone).</summary>
    public string DefaultTimeZone { get; init; } = "America/Chicago";

    public static IdentityOptions From(IConfiguration config)
    {
        var options = config.GetSection("Identity").Get<IdentityOptions>() ?? new IdentityOptions();
        return options with
        {
            BaseUrl = (config["Portal:BaseUrl"] ?? options.BaseUrl).TrimEnd('/'),
            DefaultTimeZone = string.IsNullOrWhiteSpace(config["Portal:DefaultTimeZone"]) ? options.DefaultTimeZone : config["Portal:DefaultTimeZone"]!.Trim(),
        };
    }
}
