using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using MpWriter.Api.Auth;

namespace MpWriter.Api.Hosting;

/// <summary>Rate limits (section <c>RateLimits</c>): sign-ins per client address, AI run starts per user.</summary>
public sealed class RateLimits
{
    public const string SectionName = "RateLimits";
    public const string SignIn = "sign-in";
    public const string Runs = "runs";

    [Range(1, 100_000)]
    public int SignInsPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int RunsPerMinute { get; set; } = 20;

    public static void Configure(RateLimiterOptions options, RateLimits limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await ApiProblem.Status(StatusCodes.Status429TooManyRequests, "Too many requests. Wait a moment and try again.")
                .ExecuteAsync(context.HttpContext);
        };
        options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        options.AddPolicy(Runs, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.IsAuthenticated == true ? context.User.GetUserId().ToString() : "anonymous",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.RunsPerMinute, Window = TimeSpan.FromMinutes(1) }));
    }
}
