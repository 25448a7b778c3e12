using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Cli;

/// <summary>Commands given before the server arguments: `migrate`, `create-staff`. Exit code 0 on success.</summary>
internal static class CliCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], CancellationToken, Task<int>>> Commands = new()
    {
        ["migrate"] = MigrateAsync,
        ["create-staff"] = CreateStaffAsync,
    };

    public static bool IsCommand(string word) => Commands.ContainsKey(word);

    public static async Task<int> RunAsync(string[] args)
    {
        // Only configuration-looking arguments reach the host builder; the command's own options stay with the command.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..].Where(a => a.Contains('=') || a.Contains(':')).ToArray());
        builder.Configuration["Outbox:BackgroundDispatch"] = "false";
        builder.Services.AddPortal(builder.Configuration);
        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            return await Commands[args[0]](host.Services, args[1..], cancel.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{args[0]} failed: {ex.Message}");
            return 1;
        }
    }

    // By name only: Enum.TryParse would also take "1" or "7", numbers that are no role's name.
    private static bool StaffRoleNamed(string text, out StaffRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !text.Trim().All(c => char.IsDigit(c) || c is '-' or '+');

    /// <summary>create-staff --user-id ID --email EMAIL --role finance|admin [--name NAME]; password from PORTAL_PASSWORD or stdin.</summary>
    private static async Task<int> CreateStaffAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var options = Options(args);
        if (!options.TryGetValue("--user-id", out var userId) || !options.TryGetValue("--email", out var email)
            || !options.TryGetValue("--role", out var roleText) || !StaffRoleNamed(roleText, out var role))
        {
            await Console.Error.WriteLineAsync("Usage: create-staff --user-id ID --email EMAIL --role finance|admin [--name NAME] (password from PORTAL_PASSWORD or standard input)");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("PORTAL_PASSWORD");
        if (string.IsNullOrEmpty(password))
            password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password: set PORTAL_PASSWORD or pipe it on standard input.");
            return 2;
        }
        await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        await using var scope = services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateStaffUserCommand(userId, options.GetValueOrDefault("--name", userId), email, role, password), ct);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            return 1;
        }
        Console.WriteLine($"Created {role.ToString().ToLowerInvariant()} staff user '{userId}'.");
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                options[args[i]] = args[++i];
        return options;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        await ActivatorUtilities.CreateInstance<Jobs.HangfireSchema>(services).InstallAsync(ct);
        Console.WriteLine($"Database is up to date ({applied} scripts applied).");
        return 0;
    }
}
