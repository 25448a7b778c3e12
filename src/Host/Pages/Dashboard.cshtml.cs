using MediatR;
using Microsoft.AspNetCore.Authorization;
using Portal.Host.Infrastructure;
using Portal.Host.Pages.Jobsites;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Jobsites.Contracts.Visits;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class DashboardModel(IMediator mediator) : PortalPage(mediator)
{
    /// <summary>Upcoming visits (not yet completed) of the next 30 days, grouped by day, each day in start order.</summary>
    public IReadOnlyList<IGrouping<DateOnly, TimelineVisitDto>> Days { get; private set; } = [];

    public bool SeesBilling => AccountAccess.Allows(Account?.Role, AccountPermission.Billing);

    public AccountBalanceDto? Balance { get; private set; }

    public AutopayDto? Autopay { get; private set; }

    public AutopayPlanDto? AutopayPlan { get; private set; }

    public async Task OnGetAsync(Guid? account)
    {
        await LoadUserAsync(account);
        if (Account is null)
            return;
        var visits = await Mediator.Send(new GetVisitsQuery(Account.AccountId), HttpContext.RequestAborted);
        Days = visits.Where(v => v.Status != VisitStatus.Completed).GroupBy(v => VisitText.Day(v.ScheduledStart)).ToList();
        if (SeesBilling)
        {
            Balance = await Mediator.Send(new GetAccountBalanceQuery(Account.AccountId), HttpContext.RequestAborted);
            Autopay = await Mediator.Send(new GetAutopayQuery(Account.AccountId), HttpContext.RequestAborted);
            if (Autopay.Enabled)
                AutopayPlan = await Mediator.Send(new GetAutopayPlanQuery(Account.AccountId), HttpContext.RequestAborted);
        }
    }
}
