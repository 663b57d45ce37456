using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Identity;

namespace MpWriter.Api.Auth;

/// <summary>Starts, renews and ends sessions: a short-lived access token and a rotating refresh token, both in cookies.</summary>
public sealed class Sessions(
    IClusterClient cluster,
    SessionTokens tokens,
    SessionCookies cookies,
    IOptions<AuthOptions> options,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock)
{
    public async Task StartAsync(HttpContext context, UserProfile user)
    {
        var familyId = Guid.NewGuid();
        var (refresh, hash) = RefreshTokens.Create(familyId);
        var expires = clock.GetUtcNow() + options.Value.RefreshTokenLifetime;
        await cluster.GetGrain<IRefreshFamilyGrain>(familyId).Begin(user.Id, hash, expires);
        cookies.AppendRefresh(context.Response, refresh, expires);
        IssueAccess(context, user);
    }

    /// <summary>Swaps the refresh cookie for a new one and a new access token.</summary>
    public async Task<RefreshOutcome> RenewAsync(HttpContext context)
    {
        if (!RefreshTokens.TryRead(context.Request.Cookies[cookies.RefreshName], out var familyId, out var presented))
        {
            cookies.DeleteAll(context.Response);
            return RefreshOutcome.Revoked;
        }

        var (next, nextHash) = RefreshTokens.Create(familyId);
        var result = await cluster.GetGrain<IRefreshFamilyGrain>(familyId).Rotate(presented, nextHash);
        switch (result.Outcome)
        {
            case RefreshOutcome.Rotated when result.User is { } user:
                cookies.AppendRefresh(context.Response, next, clock.GetUtcNow() + options.Value.RefreshTokenLifetime);
                IssueAccess(context, user);
                return RefreshOutcome.Rotated;
            case RefreshOutcome.Superseded:
                return RefreshOutcome.Superseded;
            default:
                cookies.DeleteAll(context.Response);
                return result.Outcome == RefreshOutcome.Rotated ? RefreshOutcome.Revoked : result.Outcome;
        }
    }

    public async Task EndAsync(HttpContext context)
    {
        if (RefreshTokens.TryRead(context.Request.Cookies[cookies.RefreshName], out var familyId, out _))
        {
            await cluster.GetGrain<IRefreshFamilyGrain>(familyId).Revoke();
        }

        cookies.DeleteAll(context.Response);
    }

    private void IssueAccess(HttpContext context, UserProfile user)
    {
        var (token, expires) = tokens.Issue(user);
        cookies.AppendSession(context.Response, token, expires);
    }
}
