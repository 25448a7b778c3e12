using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Reports;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class ReportsModel(IMediator mediator, TimeProvider clock) : PortalPage(mediator)
{
    public static readonly string[] Buckets = ["Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"];

    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Thru { get; set; }

    public IReadOnlyList<AgingRowDto> Aging { get; private set; } = [];
    public Money[] Totals { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AccountDto> Accounts { get; private set; } = new Dictionary<Guid, AccountDto>();
    public ReconciliationReportDto? Reconciliation { get; private set; }

    public static Money[] BucketsOf(AgingRowDto r) => [r.Current, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadUserAsync();
        var valid = ValidRange();
        await LoadAsync();
        if (valid)
            Reconciliation = await Mediator.Send(new GetReconciliationReportQuery(From!.Value, Thru!.Value), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetAgingCsvAsync()
    {
        ValidRange();
        await LoadAsync();
        var rows = Aging.Select(r => new[] { Accounts.GetValueOrDefault(r.AccountId)?.AccountNumber, Accounts.GetValueOrDefault(r.AccountId)?.Name }
            .Concat(BucketsOf(r).Select(CsvText.Amount)));
        return File(CsvText.Build([["Account", "Name", .. Buckets], .. rows, ["Total", "", .. Totals.Select(CsvText.Amount)]]),
            "text/csv", $"aging-{AsOf:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnGetReconciliationCsvAsync()
    {
        if (!ValidRange())
            return BadRequest(ModelState);
        var report = await Mediator.Send(new GetReconciliationReportQuery(From!.Value, Thru!.Value), HttpContext.RequestAborted);
        var rows = report.Differences.Select(d => new[] { d.Kind, d.PspReference, d.PaymentId?.ToString(),
            d.Ledger is { } l ? CsvText.Amount(l) : "", d.Processor is { } p ? CsvText.Amount(p) : "", d.Detail });
        return File(CsvText.Build([["Kind", "Processor reference", "Payment", "Ledger", "Processor", "Detail"], .. rows,
                ["Processor net", "", "", "", CsvText.Amount(report.ProcessorNet), ""], ["Ledger net", "", "", CsvText.Amount(report.LedgerNet), "", ""],
                ["Matched", "", "", "", "", report.Matched.ToString(System.Globalization.CultureInfo.InvariantCulture)]]),
            "text/csv", $"reconciliation-{report.From:yyyy-MM-dd}-{report.Thru:yyyy-MM-dd}.csv");
    }

    private bool ValidRange()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        (AsOf, From, Thru) = (AsOf ?? today, From ?? today.AddDays(-30), Thru ?? today);
        if (Thru < From || Thru!.Value.DayNumber - From!.Value.DayNumber > 366)
            ModelState.AddModelError(nameof(Thru), "Choose a range of at most a year, with thru on or after from.");
        return ModelState.IsValid;
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Aging = await Mediator.Send(new GetAgingReportQuery(AsOf!.Value), ct);
        Totals = [.. Enumerable.Range(0, Buckets.Length).Select(i => Aging.Aggregate(Money.Zero(), (sum, r) => sum + BucketsOf(r)[i]))];
        Accounts = await BackofficeAccounts.ByIdAsync(Mediator, Aging.Select(r => r.AccountId), ct);
    }
}
