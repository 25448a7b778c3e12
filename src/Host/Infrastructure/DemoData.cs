using MediatR;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Members;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Infrastructure;

/// <summary>
/// With Portal:SeedDemoData (on in Development), creates a believable customer and staff once, and prints the
/// logins so `dotnet run` is usable at once. Runs after migrations; a second start changes nothing.
/// </summary>
internal sealed class DemoData(
    IServiceScopeFactory scopes, IConfiguration config, IHostEnvironment environment, TimeProvider clock, ILogger<DemoData> logger) : IHostedService
{
    public const string Password = "Demo-Portal-2026";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!string.Equals(config["Portal:SeedDemoData"], "true", StringComparison.OrdinalIgnoreCase))
            return;
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        if ((await mediator.Send(new GetAccountsByNumberQuery(["A-1001"]), ct)).Count == 0)
        {
            var greenway = await mediator.Send(new CreateAccountCommand("A-1001", "Greenway HOA", "billing@greenway.example"), ct);
            var oak = await mediator.Send(new CreateAccountCommand("A-1002", "Oak Street Offices", "ap@oakstreet.example"), ct);
            await mediator.Send(new CreateStaffUserCommand("finance", "Fran Finance", "finance@provider.example", StaffRole.Finance, Password), ct);
            await mediator.Send(new CreateMemberUserCommand(greenway, "demo.admin", "Dana Admin", "dana@greenway.example", AccountRole.Admin, Password), ct);
            await mediator.Send(new CreateMemberUserCommand(greenway, "demo.accounting", "Alex Accounts", "alex@greenway.example", AccountRole.Accounting, Password), ct);
            await mediator.Send(new CreateMemberUserCommand(greenway, "demo.basic", "Bo Basic", "bo@greenway.example", AccountRole.Basic, Password), ct);
            await mediator.Send(new CreateMemberUserCommand(oak, "demo.oak", "Olive Oak", "olive@oakstreet.example", AccountRole.Admin, Password), ct);
            await DemoJobsites.SeedAsync(mediator, greenway, oak, clock.GetUtcNow(), ct);
            await DemoInvoices.SeedAsync(mediator, greenway, clock, ct);
            logger.LogInformation("Demo data created");
        }
        if (environment.IsDevelopment())
            Console.WriteLine($"""

                Portal demo logins (password for all: {Password})
                  finance          back office (finance staff)
                  demo.admin       Greenway HOA, admin
                  demo.accounting  Greenway HOA, accounting
                  demo.basic       Greenway HOA, basic
                  demo.oak         Oak Street Offices, admin

                """);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
