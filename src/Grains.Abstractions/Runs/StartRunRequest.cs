namespace MpWriter.Grains.Runs;

/// <summary>Starts a run. <see cref="Cost"/> is in hundredths of a credit.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.StartRunRequest")]
public sealed record StartRunRequest(
    [property: Id(0)] Guid OwnerId,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] RunInput Input,
    [property: Id(3)] long Cost);
