using Portal.BuildingBlocks.Data;

namespace Portal.Host.Cli;

/// <summary>Commands given before the server arguments: `migrate`, `create-staff`. Exit code 0 on success.</summary>
internal static class CliCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], CancellationToken, Task<int>>> Commands = new()
    {
        ["migrate"] = MigrateAsync,
    };

    public static bool IsCommand(string word) => Commands.ContainsKey(word);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args[1..]);
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

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var applied = await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        Console.WriteLine($"Database is up to date ({applied} scripts applied).");
        return 0;
    }
}
