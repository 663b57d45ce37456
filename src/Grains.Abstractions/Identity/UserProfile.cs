namespace MpWriter.Grains.Identity;

[GenerateSerializer, Immutable, Alias("mpwriter.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string Name,
    [property: Id(3)] DateTimeOffset CreatedAt);
