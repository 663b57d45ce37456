namespace MpWriter.Grains.Identity;

[GenerateSerializer, Alias("mpwriter.IdentityState")]
public sealed class IdentityState
{
    [Id(0)]
    public Guid UserId { get; set; }
}
