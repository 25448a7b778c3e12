using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Invoicing.Contracts.Holds;

namespace Portal.IntegrationTests.Invoicing;

/// <summary>People on an account and the reminder mail they get, for tests that send the reminders sweep directly.</summary>
internal static class ReminderTestKit
{
    /// <summary>Invites and registers a member from the emailed link; the email switch is turned off when asked.</summary>
    public static async Task<string> AddMemberAsync(this PortalTestHost portal, Guid accountId, string userId, AccountRole role, bool emails = true)
    {
        var email = Address(userId);
        var before = portal.Mailbox.To(email).Count;
        await portal.SendAsync(new InviteUserCommand(accountId, email, role, null));
        var link = portal.Mailbox.To(email)[before].LinkStartingWith("http://portal.test/register?token=")!;
        var key = await portal.SendAsync(new RegisterCommand(link.Split("token=")[1], userId, $"Test {userId}", "Tulip-Garden-42"));
        if (!emails)
            await portal.SendAsync(new UpdatePreferencesCommand(key, false));
        return email;
    }

    public static string Address(string userId) => $"{userId}@example.test";

    /// <summary>Every email about this invoice that reached the address, in the order sent.</summary>
    public static IReadOnlyList<MailItem> About(this PortalTestHost portal, string email, string invoiceNumber) =>
        portal.Mailbox.To(email).Where(m => m.Subject.Contains(invoiceNumber, StringComparison.Ordinal)).ToList();

    /// <summary>A payment the bank has not confirmed yet: a hold on the invoice balance (what an ACH payment leaves).</summary>
    public static Task HoldAsync(this PortalTestHost portal, Guid accountId, Guid invoiceId, long cents, Guid? paymentId = null) =>
        portal.SendAsync(new PlaceHoldsCommand(paymentId ?? Guid.NewGuid(), accountId, BuildingBlocks.Money.Dollars(cents),
            [new AllocationDto(invoiceId, BuildingBlocks.Money.Dollars(cents))]));

    public static async Task PayInFullAsync(this PortalTestHost portal, Guid accountId, Guid invoiceId, long cents)
    {
        var payment = Guid.NewGuid();
        await portal.HoldAsync(accountId, invoiceId, cents, payment);
        await portal.SendAsync(new ApplyHoldsCommand(payment));
    }

    /// <summary>The stages recorded for an invoice, in order of stage name.</summary>
    public static async Task<IReadOnlyList<string>> StagesAsync(this PortalTestHost portal, Guid invoiceId) =>
        (await portal.QueryAsync<string>("select stage from invoicing_notices where invoice_id = @invoiceId order by stage", new { invoiceId })).ToList();
}
