namespace MpWriter.Grains.Identity;

[GenerateSerializer, Immutable, Alias("mpwriter.RefreshResult")]
public sealed record RefreshResult(
    [property: Id(0)] RefreshOutcome Outcome,
    [property: Id(1)] UserProfile? User);
