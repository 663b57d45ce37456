namespace MpWriter.Grains.Runs;

[GenerateSerializer, Immutable, Alias("mpwriter.StartRunResult")]
public sealed record StartRunResult(
    [property: Id(0)] StartRunOutcome Outcome,
    [property: Id(1)] RunSnapshot? Run);
