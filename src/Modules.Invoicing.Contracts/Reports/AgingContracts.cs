using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Reports;

/// <summary>Open balances per account by days past due as of a date.</summary>
public sealed record GetAgingReportQuery(DateOnly AsOf) : IQuery<IReadOnlyList<AgingRowDto>>;

/// <summary>One account's open balance split by how late it is; Current is not yet past due.</summary>
public sealed record AgingRowDto(Guid AccountId, Money Current, Money Days1To30, Money Days31To60, Money Days61To90, Money Over90);
