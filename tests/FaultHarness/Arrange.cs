using System.Text.RegularExpressions;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.FaultHarness;

/// <summary>A fresh account per seed, with one accounting user (the payer, who gets the money emails) and 1-4 open invoices.</summary>
internal static partial class Arrange
{
    private const string Password = "Tulip-Garden-42";

    public static readonly DateOnly Cutover = new(2026, 1, 1);

    public static async Task AccountAsync(RunContext run, int runNumber)
    {
        var node = run.Host.Primary;
        var tag = $"{run.Seed}-{runNumber}";
        run.AccountId = await node.SendAsync(new CreateAccountCommand($"FH-{tag}", $"Harness {tag}", $"billing-{tag}@example.test"));
        run.PayerEmail = $"payer-{tag}@example.test";
        await node.SendAsync(new InviteUserCommand(run.AccountId, run.PayerEmail, AccountRole.Accounting, null));
        var invitation = run.Host.Mail.Sent.Last(m => m.To.Contains(run.PayerEmail, StringComparison.OrdinalIgnoreCase));
        var token = TokenPattern().Match(invitation.Text).Groups[1].Value;
        run.PayerId = await node.SendAsync(new RegisterCommand(token, $"payer-{tag}", $"Payer {tag}", Password));
        // A second person who gets the money emails: a send that fails after the first address went out must still reach them.
        run.SecondEmail = $"admin-{tag}@example.test";
        await node.SendAsync(new InviteUserCommand(run.AccountId, run.SecondEmail, AccountRole.Admin, null));
        var second = run.Host.Mail.Sent.Last(m => m.To.Contains(run.SecondEmail, StringComparison.OrdinalIgnoreCase));
        await node.SendAsync(new RegisterCommand(TokenPattern().Match(second.Text).Groups[1].Value, $"admin-{tag}", $"Admin {tag}", Password));

        var today = DateOnly.FromDateTime(node.Clock.GetUtcNow().UtcDateTime);
        var count = run.Random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var total = run.Random.Next(5, 500) * 100L + run.Random.Next(0, 100);
            var allowPartial = run.Random.NextDouble() < 0.6;
            var due = today.AddDays(run.Random.Next(1, 30));
            var number = $"FH-{tag}-{i + 1}";
            var created = await node.SendAsync(new CreateInvoiceCommand(run.AccountId, number, today.AddDays(-10), due, null,
                [new InvoiceLineInputDto("Grounds care", 1m, Money.Dollars(total))], allowPartial));
            run.Invoices.Add(new HarnessInvoice(created.InvoiceId, number, total, allowPartial, due));
        }
        if (run.Random.NextDouble() < 0.35)
        {
            // Before the cutover and due first, so oldest-first would reach it first if it ignored the cutover.
            var legacy = await node.SendAsync(new CreateInvoiceCommand(run.AccountId, $"FH-{tag}-legacy", Cutover.AddDays(-30), today.AddDays(-5), null,
                [new InvoiceLineInputDto("Legacy balance", 1m, Money.Dollars(12345))], true));
            run.LegacyInvoices.Add(legacy.InvoiceId);
        }
        run.Log($"arrange: account {run.AccountId:N}, invoices {string.Join(", ", run.Invoices.Select(i => $"{i.Number}={i.Total}{(i.AllowPartial ? "p" : "")}"))}"
            + (run.LegacyInvoices.Count > 0 ? " + one dated before the cutover" : ""));
    }

    [GeneratedRegex(@"token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex TokenPattern();
}
