using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal sealed class GetVisitOwnerQueryHandler(IDatabase db) : IRequestHandler<GetVisitOwnerQuery, VisitOwnerDto?>
{
    public Task<VisitOwnerDto?> Handle(GetVisitOwnerQuery query, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<VisitOwnerDto>(
            "select id as visit_id, jobsite_id, account_id from jobsites_visits where id = @VisitId", query, ct);
}
