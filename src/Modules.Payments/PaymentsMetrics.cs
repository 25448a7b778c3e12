using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Portal.Modules.Payments;

/// <summary>
/// The module's business meter (the Host hands its name to OpenTelemetry). Tags are low-cardinality words only:
/// never an account, a payment id or anything the shopper typed.
/// </summary>
internal sealed class PaymentsMetrics
{
    public const string Name = "Portal.Payments";

    // The processor call's own span, beside the HttpClient one: it names the operation without the query string.
    public static readonly ActivitySource Traces = new(Name);

    private readonly Counter<long> outcomes;
    private readonly Histogram<double> processorDuration;
    private readonly Histogram<double> webhookLag;
    private readonly Histogram<long> autopayCharges;

    public PaymentsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        outcomes = meter.CreateCounter<long>("portal.payments.outcomes", "{payment}", "Payments by the outcome they reached and their method");
        processorDuration = meter.CreateHistogram<double>("portal.processor.duration", "s", "Time the processor took to answer");
        webhookLag = meter.CreateHistogram<double>("portal.webhook.lag", "s", "From the processor's event date to our processing of it");
        autopayCharges = meter.CreateHistogram<long>("portal.autopay.charges_per_run", "{charge}", "Autopay charges made by one run");
    }

    public void PaymentOutcome(string outcome, string method) =>
        outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("method", method));

    public void ProcessorAnswered(string operation, string result, TimeSpan elapsed) =>
        processorDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("result", result));

    public void WebhookProcessed(string eventCode, TimeSpan lag) =>
        webhookLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("event_code", eventCode));

    // "POST payments/{id}/refunds": references in the path would make every call its own time series.
    public static string Route(string method, string path) =>
        method + " " + string.Join('/', path.Split('?')[0].Split('/').Select(s => KnownSegments.Contains(s) ? s : "{id}"));

    private static readonly HashSet<string> KnownSegments = ["payments", "details", "refunds", "cancels", "storedPaymentMethods"];

    public void AutopayRun(int charges) => autopayCharges.Record(charges);
}
