using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MpWriter.Grains.Hosting;

namespace MpWriter.Api.Auth;

/// <summary>
/// The key that signs session tokens: the configured one, or in embedded development one generated on first start
/// and kept in the data directory, so sessions survive restarts and no key ever ships in the repository.
/// </summary>
public sealed class SigningKeys
{
    public const int MinimumBytes = 32;
    private const string KeyFileName = "signing-key";

    public SigningKeys(IOptions<AuthOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        var bytes = options.Value.SigningKey is { Length: > 0 } configured
            ? Decode(configured) ?? throw new InvalidOperationException("Auth:SigningKey is not valid base64.")
            : LoadOrCreate(Path.Combine(StorageSettings.ResolveDataDirectory(configuration, environment.ContentRootPath), KeyFileName));
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    public static byte[]? Decode(string value)
    {
        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The example placeholders say so in their bytes; a random key never spells a word that long.</summary>
    public static bool IsPlaceholder(byte[] key) =>
        System.Text.Encoding.ASCII.GetString(key).Contains("placeholder", StringComparison.OrdinalIgnoreCase);

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path) && Decode(File.ReadAllText(path)) is { Length: >= MinimumBytes } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(48);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        return key;
    }
}
