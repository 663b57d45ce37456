using Microsoft.Extensions.Options;
using MpWriter.Api.Auth;

namespace MpWriter.Api.Hosting;

/// <summary>
/// With secure cookies on, the app only speaks HTTPS (directly or through a proxy that says so): the session and
/// CSRF cookies could not be set otherwise. A plain-http request gets a clear 400 instead of failing deeper in.
/// Health endpoints stay open to the container's own plain-http probe.
/// </summary>
public sealed class RequireHttpsMiddleware(RequestDelegate next, IOptions<AuthOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (options.Value.SecureCookiesEnabled && !context.Request.IsHttps && !context.Request.Path.StartsWithSegments("/health"))
        {
            await ApiProblem.BadRequest(
                "This service is only available over HTTPS.",
                "Use https://, or have the proxy in front set X-Forwarded-Proto and list it in ForwardedHeaders:KnownNetworks.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
