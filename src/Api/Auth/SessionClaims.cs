using System.Security.Claims;

namespace MpWriter.Api.Auth;

public static class SessionClaims
{
    public const string UserId = "sub";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>The signed-in user's id; endpoints behind authorization always have one.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserId), out var id)
            ? id
            : throw new InvalidOperationException("The principal has no user id.");
}
