using Microsoft.AspNetCore.Antiforgery;
using MpWriter.Api.Hosting;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;

namespace MpWriter.Api.Auth;

/// <summary>
/// Every unsafe request to an endpoint needs the antiforgery token in <c>X-CSRF-TOKEN</c>, unless the endpoint
/// opts out with <see cref="SkipCsrf"/> (a webhook authenticated by its own signature). Runs after authorization,
/// so an anonymous request is told 401 before 403.
/// </summary>
public sealed partial class CsrfProtectionMiddleware(
    RequestDelegate next,
    IAntiforgery antiforgery,
    IClusterClient cluster,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock,
    ILogger<CsrfProtectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null
            || HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method)
            || HttpMethods.IsTrace(context.Request.Method)
            || endpoint.Metadata.GetMetadata<SkipCsrf>() is not null)
        {
            await next(context);
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            LogCsrfRejected(logger, context.Request.Method, context.Request.Path);
            Guid? userId = context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId() : null;
            await Audit.RecordAsync(cluster, logger, new AuditEvent(
                clock.GetUtcNow(), AuditKinds.CsrfFailure, userId, $"{context.Request.Method} {context.Request.Path}", null, context.TraceIdentifier));
            await ApiProblem.Status(
                StatusCodes.Status403Forbidden,
                "Missing or invalid CSRF token.",
                "Fetch a token from GET /api/auth/csrf and send it in the X-CSRF-TOKEN header.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSRF check failed for {Method} {Path}")]
    private static partial void LogCsrfRejected(ILogger logger, string method, PathString path);
}

/// <summary>Endpoint metadata: this unsafe endpoint authenticates its caller some other way.</summary>
public sealed class SkipCsrf;
