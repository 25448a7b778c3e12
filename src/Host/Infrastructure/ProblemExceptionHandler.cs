using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks.Errors;

namespace Portal.Host.Infrastructure;

/// <summary>Maps the BuildingBlocks error types and bad requests to RFC 9457 problem details, as API.md says.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        if (problem is null)
            return false;
        if (exception is TooManyAttemptsException tooMany)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString();
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? Map(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(Errors(validation))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct().Take(5)),
        },
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", Describe(bad)),
        JsonException json => Problem(StatusCodes.Status400BadRequest, "The request could not be read.", "The request body is not valid JSON." + Where(json)),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message),
        BusinessRuleException rule => WithCode(Problem(StatusCodes.Status422UnprocessableEntity, "The request was refused.", rule.Message), rule.Code),
        TooManyAttemptsException tooMany => Problem(StatusCodes.Status429TooManyRequests, "Too many attempts.", tooMany.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    private static string Describe(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when bad.InnerException is JsonException json => "The request body is not valid JSON or has a value of the wrong type." + Where(json),
        _ when bad.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase) => "A JSON request body is required.",
        _ => "The request is malformed.",
    };

    private static string Where(JsonException json) => string.IsNullOrEmpty(json.Path) ? "" : $" Look at '{json.Path}'.";

    private static Dictionary<string, string[]> Errors(ValidationException validation) =>
        validation.Errors
            .GroupBy(e => CamelPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static string CamelPath(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
