using MediatR;

namespace Portal.BuildingBlocks.Mediation;

/// <summary>Marks a request whose handler runs inside one database transaction.</summary>
public interface ITransactionalRequest;

/// <summary>A command that changes state and returns a result, inside one transaction.</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ITransactionalRequest;

/// <summary>A command that changes state and returns nothing, inside one transaction.</summary>
public interface ICommand : ICommand<Unit>, IRequest;

/// <summary>A read that changes nothing.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>A multi-step command with no transaction of its own: it sends steps and calls out between them.</summary>
public interface IWorkflowCommand<out TResult> : IRequest<TResult>;

/// <summary>A fact another module may react to; delivered through the outbox at least once.</summary>
public interface IIntegrationEvent : INotification;
