using FluentValidation;
using Portal.BuildingBlocks.Errors;

namespace Portal.FaultHarness;

/// <summary>Runs one customer or staff operation under the faults it drew, and sorts its outcome: expected or a finding.</summary>
internal static class Operations
{
    public static async Task RunAsync(RunContext run, string label, Func<Task> action, bool processorCall = true, bool mayStop = true)
    {
        var faults = new List<string>();
        var chaos = run.Host.Emulator.Chaos;
        var baseLatency = chaos.Latency;
        if (processorCall)
        {
            if (run.Fires(Faults.ServerError, 0.25))
            {
                chaos.FailNext(1);
                faults.Add("5xx");
            }
            else if (run.Fires(Faults.DropAnswer, 0.25))
            {
                chaos.DropResponseAfterChargeNext(1);
                faults.Add("drop-answer");
            }
            else if (run.Fires(Faults.Timeout, 0.25))
            {
                chaos.Latency = HarnessHost.ClientTimeout + TimeSpan.FromMilliseconds(150);
                faults.Add("timeout");
            }
        }
        var stopAt = mayStop && run.Fires(Faults.HostStop, 0.3) ? run.Random.Next(1, 3) : 0;
        var before = stopAt > 0 && run.Random.NextDouble() < 0.5;
        if (stopAt > 0)
            faults.Add($"stop-{(before ? "before" : "after")}-step-{stopAt}");
        var op = new OperationFaults { StopAtStep = stopAt, StopBeforeCommit = before };
        if (processorCall && run.Fires(Faults.WebhookFirst, 0.4))
        {
            op.BeforeOutcome = () => Webhooks.OvertakeAsync(run);
            faults.Add("webhook-first");
        }

        var outcome = "ok";
        OperationFaults.Current = op;
        try
        {
            await action();
        }
        catch (HostStoppedException ex)
        {
            run.HostStops++;
            outcome = ex.Message;
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException or NotFoundException or ValidationException)
        {
            outcome = $"refused: {ex.GetType().Name} {ex.Message}";
        }
        catch (Exception ex)
        {
            // What a customer would see as a 500: recorded as a finding, the run goes on.
            outcome = $"UNEXPECTED {ex.GetType().Name}: {ex.Message}";
            run.UnexpectedErrors.Add($"{label}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            OperationFaults.Current = null;
            // A one-shot switch the call did not consume (it failed earlier) must not leak into the next operation.
            chaos.FailNext(0);
            chaos.DropResponseAfterChargeNext(0);
            chaos.Latency = baseLatency;
        }
        run.Log($"{label} [{(faults.Count == 0 ? "no faults" : string.Join(", ", faults))}] -> {outcome}");
    }
}
