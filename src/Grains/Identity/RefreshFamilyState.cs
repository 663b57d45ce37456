namespace MpWriter.Grains.Identity;

[GenerateSerializer, Alias("mpwriter.RefreshFamilyState")]
public sealed class RefreshFamilyState
{
    [Id(0)]
    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the only token that rotates; tokens themselves are never stored.</summary>
    [Id(1)]
    public string? CurrentHash { get; set; }

    [Id(2)]
    public string? PreviousHash { get; set; }

    [Id(3)]
    public DateTimeOffset RotatedAt { get; set; }

    [Id(4)]
    public DateTimeOffset ExpiresAt { get; set; }

    [Id(5)]
    public bool Revoked { get; set; }
}
