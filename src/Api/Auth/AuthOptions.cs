namespace MpWriter.Api.Auth;

/// <summary>Sign-in and session settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) that signs session tokens. Required outside embedded development, where
    /// one is generated on first start and kept under the data directory.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Local sign-in with just an e-mail address. Unset: on in Development, off elsewhere; never allowed in Production.</summary>
    public bool? DevSignIn { get; set; }

    /// <summary>
    /// Secure, <c>__Host-</c> prefixed cookies. Unset: on except in Development, where the app is served over plain
    /// http://localhost and the cookies drop the prefix. Never off in Production.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>How long an access token (the session cookie) is good for; the refresh token renews it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without the user signing in again.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public bool DevSignInEnabled => DevSignIn ?? false;

    public bool SecureCookiesEnabled => SecureCookies ?? true;
}
