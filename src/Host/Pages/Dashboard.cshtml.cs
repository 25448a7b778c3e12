using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class DashboardModel(IMediator mediator) : PortalPage(mediator)
{
    public Task OnGetAsync(Guid? account) => LoadUserAsync(account);
}
