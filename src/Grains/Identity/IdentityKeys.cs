using System.Security.Cryptography;
using System.Text;

namespace MpWriter.Grains.Identity;

public static class IdentityKeys
{
    public const string LocalProvider = "local";

    /// <summary>The identity grain key for a local (development) sign-in: the e-mail address hashed, never in clear.</summary>
    public static string Local(string email) =>
        $"{LocalProvider}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeEmail(email))))}";

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static (string Provider, string Subject) Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            throw new ArgumentException("An identity key is provider:subject.", nameof(key));
        }

        return (key[..colon], key[(colon + 1)..]);
    }
}
