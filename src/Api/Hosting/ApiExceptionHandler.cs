using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace MpWriter.Api.Hosting;

/// <summary>
/// Turns exceptions into problem details that say nothing internal: a malformed request is the client's 400, a
/// cluster that cannot be reached right now is 503, anything else is a logged 500 with only the correlation id.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ApiProblem problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = ApiProblem.Status(
                badRequest.StatusCode,
                badRequest.InnerException is JsonException ? "The request body is not valid JSON." : "The request is malformed.",
                badRequest.InnerException is JsonException json && json.Path is { Length: > 0 } path ? $"Problem at {path}." : null);
        }
        else if (IsUnavailable(exception))
        {
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
            problem = ApiProblem.Status(StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable. Try again in a moment.");
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = ApiProblem.Status(StatusCodes.Status500InternalServerError, "Something went wrong on our side.");
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Failures of the cluster or its storage that pass: the client may retry.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        TimeoutException => true,
        OrleansMessageRejectionException => true,
        Orleans.Runtime.Messaging.ConnectionFailedException => true,
        ClientNotAvailableException => true,
        Orleans.Storage.InconsistentStateException => true,
        Orleans.Persistence.Redis.RedisStorageException => true,
        StackExchange.Redis.RedisException => true,
        MongoDB.Driver.MongoConnectionException => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the cluster or its storage is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
