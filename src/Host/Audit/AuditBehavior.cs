using MediatR;
using Portal.Host.Infrastructure;

namespace Portal.Host.Audit;

/// <summary>
/// Records every back-office change a staff member makes, from a page or the API alike. It runs inside the transaction
/// behaviour, so a command's audit entry commits or rolls back with the command itself; a workflow command (no
/// transaction of its own, such as a refund) is recorded once it has succeeded. Scheduled runs have no signed-in user
/// and are not recorded; customers' own changes are not back-office changes.
/// </summary>
internal sealed class AuditBehavior<TRequest, TResponse>(IHttpContextAccessor http, IMediator mediator, AuditLog log)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var user = http.HttpContext?.User;
        if (user is null || !user.IsStaff() || request is null || !AuditSubjects.IsAudited(request))
            return await next();

        var describe = await AuditSubjects.BeginAsync(request, mediator, ct);
        var response = await next();
        var subject = await describe(response);
        await log.WriteAsync(user.UserKey(), user.FindFirst(CurrentUser.UserIdClaim)?.Value ?? "", subject, ct);
        return response;
    }
}
