using Portal.Host;
using Portal.Host.Cli;

if (args.Length > 0 && CliCommands.IsCommand(args[0]))
    return await CliCommands.RunAsync(args);

var app = PortalApp.Build(args);
await app.RunAsync();
return 0;

public partial class Program;
