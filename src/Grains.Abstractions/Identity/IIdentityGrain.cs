namespace MpWriter.Grains.Identity;

/// <summary>
/// One sign-in identity (key: <c>provider:subject</c>, where a local subject is a hash of the e-mail address, so
/// no personal data sits in grain ids). Serializes first sign-ins so one identity always maps to one user.
/// </summary>
[Alias("mpwriter.identity")]
public interface IIdentityGrain : IGrainWithStringKey
{
    [Alias("sign-in")]
    Task<UserProfile> SignIn(string email, string name);
}
