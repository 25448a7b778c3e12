using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Statements;

/// <summary>The account's statement for a range of days: what it owed before, each charge and credit in the range, what it owes after.</summary>
public sealed record GetStatementQuery(Guid AccountId, DateOnly From, DateOnly Thru) : IQuery<StatementDto>;

/// <summary>Opening balance at the start of From, the entries of the range in date order, and the closing balance at the end of Thru.</summary>
public sealed record StatementDto(
    DateOnly From,
    DateOnly Thru,
    Money OpeningBalance,
    IReadOnlyList<StatementLineDto> Lines,
    Money ClosingBalance);

/// <summary>
/// One statement entry. Kind: invoice (a charge), payment (a credit), refund, chargeback or cancellation (money given back,
/// which the account owes again), or reversal (a refund that failed, credited again).
/// </summary>
public sealed record StatementLineDto(
    DateOnly Date,
    string Kind,
    string Description,
    Money Charge,
    Money Credit,
    Guid? InvoiceId,
    Guid? PaymentId);
