namespace Portal.BuildingBlocks.Errors;

/// <summary>The thing asked for does not exist, or belongs to an account the caller is not a member of (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with existing state, like a taken number or a reused idempotency key (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller is known but its role does not allow this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A business rule refused the request; <see cref="Code"/> is stable for clients (422).</summary>
public sealed class BusinessRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Too many attempts; the caller may retry after <see cref="RetryAfter"/> (429).</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter, string message) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
