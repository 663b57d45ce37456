using System.Security.Cryptography;
using System.Text;

namespace MpWriter.Api.Auth;

/// <summary>
/// A refresh token is <c>{family id}.{256 random bits}</c>. Only its SHA-256 is stored, so a copy of the store
/// cannot be replayed.
/// </summary>
public static class RefreshTokens
{
    public static (string Token, string Hash) Create(Guid familyId)
    {
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return ($"{familyId:N}.{secret}", Hash(secret));
    }

    public static bool TryRead(string? token, out Guid familyId, out string hash)
    {
        familyId = Guid.Empty;
        hash = string.Empty;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot != 32 || token.Length > 100 || !Guid.TryParseExact(token[..dot], "N", out familyId))
        {
            return false;
        }

        hash = Hash(token[(dot + 1)..]);
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
