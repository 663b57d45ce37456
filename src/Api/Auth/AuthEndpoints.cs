using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using MpWriter.Api.Hosting;
using MpWriter.Grains.Identity;
using MpWriter.Grains.Wallets;

namespace MpWriter.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Auth");

        auth.MapGet("/csrf", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new CsrfResponse(tokens.RequestToken!));
        });

        auth.MapPost("/dev-sign-in", DevSignIn).RequireRateLimiting(RateLimits.SignIn);

        auth.MapGet("/me", async (HttpContext context, IClusterClient cluster) => TypedResults.Ok(await MeAsync(
            cluster,
            context.User.GetUserId(),
            context.User.FindFirst(SessionClaims.Email)?.Value ?? string.Empty,
            context.User.FindFirst(SessionClaims.Name)?.Value ?? string.Empty))).RequireAuthorization();

        auth.MapPost("/refresh", async Task<IResult> (HttpContext context, Sessions sessions) =>
            await sessions.RenewAsync(context) switch
            {
                RefreshOutcome.Rotated => TypedResults.NoContent(),
                RefreshOutcome.Superseded => ApiProblem.Conflict(
                    "The session was just renewed by another request.", "Retry the request: the new session is already in place."),
                _ => ApiProblem.Status(StatusCodes.Status401Unauthorized, "The session has ended. Sign in again."),
            }).RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/sign-out", async (HttpContext context, Sessions sessions) =>
        {
            await sessions.EndAsync(context);
            return TypedResults.NoContent();
        });

        return endpoints;
    }

    private static async Task<IResult> DevSignIn(
        DevSignInRequest request,
        HttpContext context,
        IClusterClient cluster,
        Sessions sessions,
        IOptions<AuthOptions> options)
    {
        if (!options.Value.DevSignInEnabled)
        {
            return ApiProblem.NotFound("Local sign-in is not enabled here.");
        }

        if (request.Validate() is { Count: > 0 } errors)
        {
            return ApiProblem.Validation(errors);
        }

        var email = IdentityKeys.NormalizeEmail(request.Email!);
        var name = request.Name!.Trim();
        var user = await cluster.GetGrain<IIdentityGrain>(IdentityKeys.Local(email)).SignIn(email, name);
        await sessions.StartAsync(context, user);
        return TypedResults.Ok(await MeAsync(cluster, user.Id, user.Email, user.Name));
    }

    private static async Task<MeResponse> MeAsync(IClusterClient cluster, Guid userId, string email, string name) =>
        new(userId, email, name, CreditAmount.ToDecimal((await cluster.GetGrain<IWalletGrain>(userId).GetBalance()).Balance));
}

public sealed record CsrfResponse(string Token);

public sealed record MeResponse(Guid Id, string Email, string Name, decimal Credits);

public sealed record DevSignInRequest(string? Email, string? Name)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > 254 || !new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            errors["email"] = ["Enter a valid e-mail address."];
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            errors["name"] = ["Enter your name (at most 100 characters)."];
        }

        return errors;
    }
}
