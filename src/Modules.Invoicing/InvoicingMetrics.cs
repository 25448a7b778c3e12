using System.Diagnostics.Metrics;

namespace Portal.Modules.Invoicing;

/// <summary>The module's business meter (the Host hands its name to OpenTelemetry); tags are low-cardinality words only.</summary>
internal sealed class InvoicingMetrics
{
    public const string Name = "Portal.Invoicing";

    private readonly Counter<long> remindersSent;
    private readonly Counter<long> importRows;
    private readonly Histogram<double> importRate;

    public InvoicingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        remindersSent = meter.CreateCounter<long>("portal.reminders.sent", "{reminder}", "Invoice reminders sent, by stage");
        importRows = meter.CreateCounter<long>("portal.import.rows", "{row}", "Invoice rows imported from CSV");
        importRate = meter.CreateHistogram<double>("portal.import.rows_per_second", "{row}/s", "Rows per second of each finished import");
    }

    public void ReminderSent(string stage) => remindersSent.Add(1, new KeyValuePair<string, object?>("stage", stage));

    public void Imported(int rows, TimeSpan elapsed)
    {
        importRows.Add(rows);
        if (elapsed > TimeSpan.Zero)
            importRate.Record(rows / elapsed.TotalSeconds);
    }
}
