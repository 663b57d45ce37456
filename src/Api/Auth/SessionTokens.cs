using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Identity;

namespace MpWriter.Api.Auth;

/// <summary>Issues the signed session token (a JWT) that the session cookie carries.</summary>
public sealed class SessionTokens(
    SigningKeys keys,
    IOptions<AuthOptions> options,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock)
{
    public const string Issuer = "mpwriter";
    public const string Audience = "mpwriter";

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset Expires) Issue(UserProfile user)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(SessionClaims.UserId, user.Id.ToString()),
                new Claim(SessionClaims.Email, user.Email),
                new Claim(SessionClaims.Name, user.Name),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = keys.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = SessionClaims.Name,
    };
}
