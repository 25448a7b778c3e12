using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.FaultHarness;

/// <summary>Everything one seed's run decides and remembers: drawn faults, the account, what it asked for, and a trace.</summary>
internal sealed class RunContext(int seed, Faults drawn, HarnessHost host)
{
    private readonly List<string> trace = [];

    public int Seed => seed;

    public Random Random { get; } = new(seed);

    public Faults Drawn => drawn;

    public HarnessHost Host => host;

    public Guid AccountId { get; set; }

    public Guid PayerId { get; set; }

    public string PayerEmail { get; set; } = "";

    public string SecondEmail { get; set; } = "";

    public List<HarnessInvoice> Invoices { get; } = [];

    public List<Guid> LegacyInvoices { get; } = [];

    public List<PayCommand> PayRequests { get; } = [];

    // The refunds the customer meant, by payment: a retry of one request must not give back more.
    public Dictionary<Guid, long> RefundIntents { get; } = [];

    // Chargeback pspReference -> (payment pspReference, amount), for chargebacks whose webhook reached the portal.
    public Dictionary<string, (string Payment, long Amount)> DeliveredChargebacks { get; } = [];

    public HashSet<Guid> ChargedBack { get; } = [];

    public List<Guid> SkippedInvoices { get; } = [];

    public List<NotificationItem> DelayedWebhooks { get; } = [];

    public int DroppedWebhooks { get; set; }

    public int HostStops { get; set; }

    public List<string> UnexpectedErrors { get; } = [];

    public IReadOnlyList<string> Trace => trace;

    public bool Has(Faults fault) => (drawn & fault) != 0;

    // A drawn fault class fires on a given occasion with this chance, so runs mix faulted and clean steps.
    public bool Fires(Faults fault, double chance = 0.35) => Has(fault) && Random.NextDouble() < chance;

    public HarnessNode AnyNode() => Has(Faults.TwoHosts) && host.Nodes.Count > 1 ? host.Nodes[Random.Next(host.Nodes.Count)] : host.Primary;

    public void Log(string line)
    {
        lock (trace)
            trace.Add(line);
    }
}

internal sealed record HarnessInvoice(Guid Id, string Number, long Total, bool AllowPartial, DateOnly Due);
