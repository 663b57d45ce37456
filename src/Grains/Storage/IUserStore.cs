using MpWriter.Grains.Identity;

namespace MpWriter.Grains.Storage;

/// <summary>Users and their sign-in identities (unique provider + subject).</summary>
public interface IUserStore
{
    /// <summary>The user signed in with this identity, created on first sign-in.</summary>
    Task<UserSignIn> FindOrCreateAsync(string provider, string subject, string email, string name, CancellationToken cancellationToken = default);

    Task<UserProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default);
}
