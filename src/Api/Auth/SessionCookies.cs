using Microsoft.Extensions.Options;

namespace MpWriter.Api.Auth;

/// <summary>
/// Cookie names and flags. Secure cookies carry the <c>__Host-</c> prefix (Secure, Path=/, no Domain); plain
/// http://localhost development uses the same names without it, as browsers refuse the prefix there.
/// </summary>
public sealed class SessionCookies(IOptions<AuthOptions> options)
{
    private bool Secure => options.Value.SecureCookiesEnabled;

    public string SessionName => Secure ? "__Host-mpw_session" : "mpw_session";

    public string CsrfName => Secure ? "__Host-mpw_csrf" : "mpw_csrf";

    public string RefreshName => Secure ? "__Host-mpw_refresh" : "mpw_refresh";

    public void AppendSession(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(SessionName, token, Options(SameSiteMode.Lax, expires));

    /// <summary>Strict: the refresh token only ever goes to this site's own requests.</summary>
    public void AppendRefresh(HttpResponse response, string token, DateTimeOffset expires) =>
        response.Cookies.Append(RefreshName, token, Options(SameSiteMode.Strict, expires));

    public void DeleteAll(HttpResponse response)
    {
        response.Cookies.Delete(SessionName, Options(SameSiteMode.Lax, expires: null));
        response.Cookies.Delete(RefreshName, Options(SameSiteMode.Strict, expires: null));
    }

    private CookieOptions Options(SameSiteMode sameSite, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = Secure,
        SameSite = sameSite,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
