using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Operations;

/// <summary>The payment meters move when a payment is made; read with a MeterListener on this host's meters only.</summary>
public abstract class PaymentMetricsHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Pay_with_a_card_counts_one_authorised_card_payment_and_times_the_processor()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-M1", 5_000, dueInDays: 10);
        using var metrics = new HostMetrics(Factory.Services.GetRequiredService<IMeterFactory>());

        var response = await pay.PayAsync("metrics-1", 5_000, PaymentFixture.Card());
        var again = await pay.PayAsync("metrics-1", 5_000, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal(1, metrics.Sum("portal.payments.outcomes", ("outcome", "authorised"), ("method", "card")));
        Assert.Equal(1, metrics.Count("portal.processor.duration", ("operation", "POST payments")));
    }

    [DbFact]
    public async Task Pay_refused_counts_a_refused_payment_and_no_authorised_one()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-M2", 5_000, dueInDays: 10);
        using var metrics = new HostMetrics(Factory.Services.GetRequiredService<IMeterFactory>());

        await pay.PayAsync("metrics-2", 5_000, PaymentFixture.Card(holderName: "DECLINED"));

        Assert.Equal(1, metrics.Sum("portal.payments.outcomes", ("outcome", "refused"), ("method", "card")));
        Assert.Equal(0, metrics.Sum("portal.payments.outcomes", ("outcome", "authorised")));
    }

    private sealed class HostMetrics : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

        public HostMetrics(IMeterFactory host)
        {
            // Other tests' hosts run in parallel in this process; their meters have another scope.
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, host))
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
            listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, tags.ToArray())));
            listener.Start();
        }

        public double Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum(m => m.Value);

        public int Count(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Count();

        private IEnumerable<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string name, (string Key, string Value)[] tags) =>
            measurements.Where(m => m.Name == name && tags.All(t => m.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value))));

        public void Dispose() => listener.Dispose();
    }
}

public sealed class PaymentMetricsHttpTestsOnSqlite() : PaymentMetricsHttpTests(SqlDialect.Sqlite);

public sealed class PaymentMetricsHttpTestsOnPostgres() : PaymentMetricsHttpTests(SqlDialect.Postgres), IPostgresTest;
