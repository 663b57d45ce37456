using Microsoft.Extensions.Options;
using MpWriter.Grains.Hosting;

namespace MpWriter.Api.Auth;

/// <summary>Fills environment-dependent defaults and refuses unsafe combinations before the app starts.</summary>
public sealed class AuthOptionsSetup(IHostEnvironment environment, IConfiguration configuration)
    : IPostConfigureOptions<AuthOptions>, IValidateOptions<AuthOptions>
{
    public void PostConfigure(string? name, AuthOptions options)
    {
        options.DevSignIn ??= environment.IsDevelopment();
        options.SecureCookies ??= !environment.IsDevelopment();
    }

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var embedded = ClusterSettings.From(configuration).Mode == ClusterMode.Embedded;
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (environment.IsProduction() || !embedded)
            {
                failures.Add(
                    "Auth:SigningKey (environment variable Auth__SigningKey) is missing. Generate one with: openssl rand -base64 48");
            }
        }
        else if (SigningKeys.Decode(options.SigningKey) is not { Length: >= SigningKeys.MinimumBytes } key)
        {
            failures.Add(
                $"Auth:SigningKey (environment variable Auth__SigningKey) must be base64 of at least {SigningKeys.MinimumBytes} random bytes. Generate one with: openssl rand -base64 48");
        }
        else if (SigningKeys.IsPlaceholder(key))
        {
            failures.Add(
                "Auth:SigningKey (environment variable Auth__SigningKey) is the placeholder from .env.example. Generate a real one with: openssl rand -base64 48");
        }

        if (environment.IsProduction())
        {
            if (options.DevSignInEnabled)
            {
                failures.Add("Auth:DevSignIn (Auth__DevSignIn) must be false in Production: local sign-in trusts any e-mail address.");
            }

            if (!options.SecureCookiesEnabled)
            {
                failures.Add("Auth:SecureCookies (Auth__SecureCookies) must be true in Production.");
            }

            if (embedded)
            {
                failures.Add("Cluster:Mode (Cluster__Mode) is Embedded, which is for development on one machine; set it to Redis in Production.");
            }
        }

        if (options.AccessTokenLifetime < TimeSpan.FromMinutes(1) || options.AccessTokenLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("Auth:AccessTokenLifetime must be between one minute and one hour.");
        }

        if (options.RefreshTokenLifetime < options.AccessTokenLifetime || options.RefreshTokenLifetime > TimeSpan.FromDays(90))
        {
            failures.Add("Auth:RefreshTokenLifetime must be at least the access token's lifetime and at most 90 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
