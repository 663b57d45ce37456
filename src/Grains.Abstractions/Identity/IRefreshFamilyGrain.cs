namespace MpWriter.Grains.Identity;

/// <summary>
/// One chain of refresh tokens from one sign-in (key: family id). Only the newest token is good; presenting an
/// older one means it was copied, and the whole family is revoked.
/// </summary>
[Alias("mpwriter.refreshfamily")]
public interface IRefreshFamilyGrain : IGrainWithGuidKey
{
    /// <summary>Starts the family at sign-in with the first token's hash.</summary>
    [Alias("begin")]
    Task Begin(Guid userId, string tokenHash, DateTimeOffset expiresAt);

    /// <summary>Swaps the presented token for the next one, if it is the current one.</summary>
    [Alias("rotate")]
    Task<RefreshResult> Rotate(string presentedHash, string nextHash);

    [Alias("revoke")]
    Task Revoke();
}
