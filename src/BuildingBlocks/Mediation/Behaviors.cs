using System.Diagnostics;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;

namespace Portal.BuildingBlocks.Mediation;

/// <summary>Logs each request's name, duration and outcome, never its payload (it may hold secrets).</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        // One span per request type, nested sends included; tagged with the name only, like the log line.
        using var activity = Diagnostics.PortalDiagnostics.Mediator.StartActivity(typeof(TRequest).Name);
        try
        {
            var response = await next();
            logger.LogDebug("{Request} succeeded in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogInformation("{Request} failed in {ElapsedMs:0.0} ms with {Error}", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}

/// <summary>Runs every validator of the request; any failure stops it before the handler.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(request, ct)).Errors);
        if (failures.Count > 0)
            throw new ValidationException(failures);
        return await next();
    }
}

/// <summary>
/// Wraps a command in the scope's transaction and writes its outbox events before commit.
/// A nested command joins the transaction that is already open.
/// </summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(IDatabase db, Outbox outbox, OutboxSignal signal)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken ct, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactionalRequest || db.InTransaction)
            return await next();

        await db.BeginTransactionAsync(ct);
        try
        {
            var response = await next();
            var written = await outbox.FlushAsync(ct);
            await db.CommitAsync(ct);
            if (written > 0)
                signal.Notify();
            return response;
        }
        catch
        {
            outbox.Discard();
            await db.RollbackAsync(ct);
            throw;
        }
    }
}
