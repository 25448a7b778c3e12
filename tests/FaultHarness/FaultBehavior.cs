using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Payments.Payments;

namespace Portal.FaultHarness;

/// <summary>The faults drawn for one operation (a pay, a refund, an autopay run), seen by every command it sends.</summary>
internal sealed class OperationFaults
{
    private int steps;
    private Func<Task>? beforeOutcome;

    // The host stops before or after the commit of this top-level command (1-based); 0 never.
    public int StopAtStep { get; init; }

    public bool StopBeforeCommit { get; init; }

    public int NextStep() => Interlocked.Increment(ref steps);

    public int Steps => Volatile.Read(ref steps);

    // Runs once, just before the first synchronous answer is recorded: the webhook overtakes it.
    public Func<Task>? BeforeOutcome { set => beforeOutcome = value; }

    public Func<Task>? TakeBeforeOutcome() => Interlocked.Exchange(ref beforeOutcome, null);

    private static readonly AsyncLocal<OperationFaults?> CurrentValue = new();

    public static OperationFaults? Current { get => CurrentValue.Value; set => CurrentValue.Value = value; }
}

/// <summary>What a process dying between two commits leaves behind: the operation's scope is abandoned mid-way.</summary>
public sealed class HostStoppedException(string where) : Exception($"The host stopped {where}.");

/// <summary>
/// Registered outermost, so "after commit" really is after the transaction behaviour committed. Only top-level commands
/// count as steps: a nested command joins its caller's transaction and cannot be interrupted on its own.
/// </summary>
internal sealed class FaultBehavior<TRequest, TResponse>(IDatabase db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var op = OperationFaults.Current;
        if (op is null || request is not ITransactionalRequest || db.InTransaction)
            return await next();
        if (request is RecordPaymentOutcomeCommand && op.TakeBeforeOutcome() is { } overtake)
            await RunOutsideOperationAsync(overtake);
        var step = op.NextStep();
        var name = typeof(TRequest).Name;
        if (step == op.StopAtStep && op.StopBeforeCommit)
            throw new HostStoppedException($"before {name} (step {step})");
        var response = await next();
        if (step == op.StopAtStep && !op.StopBeforeCommit)
            throw new HostStoppedException($"after {name} committed (step {step})");
        return response;
    }

    // The webhook is handled by another scope (the outbox dispatcher), which must not count as this operation's steps.
    private static async Task RunOutsideOperationAsync(Func<Task> action)
    {
        var op = OperationFaults.Current;
        OperationFaults.Current = null;
        try
        {
            await action();
        }
        finally
        {
            OperationFaults.Current = op;
        }
    }
}
