using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Adyen;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// The resolver's cancels by our reference. Only the TECHNICAL_CANCEL webhook tells us a cancel's outcome; if it never comes
/// (or an AUTHORISATION overtook it and the payment now looks authorised while the processor cancelled it), the portal and
/// the processor disagree for good. So the time of the first cancel is kept, and while no cancellation, refusal or error
/// settles the payment, the cancel is asked again every ResendEvery with a new key (a new key gets a new webhook; the same
/// key would only replay the first answer), for GiveUpAfter.
/// </summary>
internal static class StaleCancels
{
    public static readonly TimeSpan ResendEvery = TimeSpan.FromHours(1);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    /// <summary>The resolver's condition for a payment whose cancel is still unconfirmed.</summary>
    public const string Unconfirmed = """
        (p.cancel_requested_at < @CancelResendBefore and p.cancel_requested_at > @CancelGiveUpBefore
         and p.status not in ('cancelled', 'refused', 'error'))
        """;

    private const string MarkSql = """
        update payments_payments set cancel_requested_at = @Now where id = @Id and cancel_requested_at is null
        """;

    public static bool IsDue(DateTimeOffset? requestedAt, DateTimeOffset now) =>
        requestedAt is { } at && now - at >= ResendEvery && now - at < GiveUpAfter;

    public static async Task CancelAsync(IDatabase db, AdyenCheckoutClient adyen, Guid paymentId, DateTimeOffset? requestedAt, DateTimeOffset now,
        CancellationToken ct)
    {
        // Recorded before asking, so a cancel whose answer is lost is still followed up.
        if (requestedAt is null)
            await db.ExecuteAsync(MarkSql, new { Id = paymentId, Now = now }, ct);
        var reference = paymentId.ToString("N");
        var round = requestedAt is { } at ? (int)((now - at) / ResendEvery) : 0;
        await adyen.CancelByReferenceAsync(new CancelByReferenceRequest(reference) { Reference = reference },
            round == 0 ? $"cancel-{reference}" : $"cancel-{reference}-{round}", ct);
    }
}
