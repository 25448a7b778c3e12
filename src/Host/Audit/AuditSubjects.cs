using MediatR;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Host.Audit;

/// <summary>Which account a change touched, what it was, and snapshots of the state before and after.</summary>
internal sealed record AuditSubject(string Action, Guid? AccountId, string? SubjectId, object? Before, object? After);

/// <summary>
/// The back-office changes that are audited and how each is described. Snapshots name fields one by one so that nothing
/// secret or bulky (a file path, the CSV itself) ever reaches the table.
/// </summary>
internal static class AuditSubjects
{
    public static bool IsAudited(object request) => request is CreateAccountCommand or UpdateAccountCommand or InviteUserCommand
        or CreateInvoiceCommand or VoidInvoiceCommand or RefundPaymentCommand or StartInvoiceImportCommand
        or CreateJobsiteCommand or ScheduleVisitCommand or UpdateVisitCommand or AddVisitPhotoCommand or IRequest<SweepResult>;

    /// <summary>Reads what must be read before the change, and returns how to describe it once the handler answered.</summary>
    public static async Task<Func<object?, Task<AuditSubject>>> BeginAsync(object request, IMediator mediator, CancellationToken ct)
    {
        switch (request)
        {
            case UpdateAccountCommand c:
                var account = await mediator.Send(new GetAccountQuery(c.AccountId), ct);
                return async _ => new("account.updated", c.AccountId, c.AccountId.ToString(), Account(account),
                    Account(await mediator.Send(new GetAccountQuery(c.AccountId), ct)));
            case VoidInvoiceCommand c:
                var invoice = (await mediator.Send(new GetBackofficeInvoiceQuery(c.InvoiceId), ct))?.Invoice;
                return _ => Task.FromResult(new AuditSubject("invoice.voided", invoice?.AccountId, c.InvoiceId.ToString(),
                    invoice is null ? null : new { invoice.InvoiceNumber, invoice.Status, invoice.Balance },
                    new { invoice?.InvoiceNumber, Status = "void", c.Reason }));
            case RefundPaymentCommand c:
                var payment = (await mediator.Send(new GetBackofficePaymentQuery(c.PaymentId), ct))?.Payment;
                return response => Task.FromResult(new AuditSubject("payment.refunded", payment?.AccountId, c.PaymentId.ToString(),
                    payment is null ? null : new { payment.Status, payment.Amount, payment.Refunded },
                    response is RefundDto refund ? new { refund.RefundId, refund.Amount, refund.Status } : null));
            case UpdateVisitCommand c:
                var owner = await mediator.Send(new GetVisitOwnerQuery(c.VisitId), ct);
                return _ => Task.FromResult(new AuditSubject("visit.updated", owner?.AccountId, c.VisitId.ToString(), null,
                    new { c.Status, c.Services, c.Materials, c.Notes }));
            case AddVisitPhotoCommand c:
                var photoOwner = await mediator.Send(new GetVisitOwnerQuery(c.VisitId), ct);
                return response => Task.FromResult(new AuditSubject("visit.photo_added", photoOwner?.AccountId, c.VisitId.ToString(), null,
                    new { PhotoId = response, c.Caption }));
            case ScheduleVisitCommand c:
                return async response => new("visit.scheduled",
                    response is Guid visit ? (await mediator.Send(new GetVisitOwnerQuery(visit), ct))?.AccountId : null,
                    response?.ToString(), null, new { c.JobsiteId, c.ScheduledStart, c.ScheduledEnd, c.Services });
            default:
                return response => Task.FromResult(Describe(request, response));
        }
    }

    private static AuditSubject Describe(object request, object? response) => request switch
    {
        CreateAccountCommand c => new("account.created", response as Guid?, response?.ToString(), null, new { c.AccountNumber, c.Name, c.BillingEmail }),
        InviteUserCommand c => new("invitation.sent", c.AccountId, (response as InvitationDto)?.InvitationId.ToString(), null, new { c.Email, c.Role }),
        CreateInvoiceCommand c => new("invoice.created", c.AccountId, (response as CreatedInvoiceDto)?.InvoiceId.ToString(), null,
            new { c.InvoiceNumber, c.InvoiceDate, c.DueDate, c.PostAt, c.AllowPartialPayment, c.Lines, (response as CreatedInvoiceDto)?.Status }),
        StartInvoiceImportCommand c => new("import.started", null, response?.ToString(), null,
            new { Bytes = c.Csv.Length, Lines = c.Csv.Count(ch => ch == '\n') }),
        CreateJobsiteCommand c => new("jobsite.created", c.AccountId, response?.ToString(), null, new { c.Name, c.Address, c.Latitude, c.Longitude }),
        _ => new("job.run", null, request.GetType().Name, null, response is SweepResult r ? new { r.Found, r.Succeeded, r.Failed } : null),
    };

    private static object? Account(AccountDto? account) =>
        account is null ? null : new { account.Name, account.BillingEmail, account.TimeZone };
}
