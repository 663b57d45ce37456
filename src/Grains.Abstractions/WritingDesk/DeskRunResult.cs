namespace MpWriter.Grains.WritingDesk;

[GenerateSerializer, Immutable, Alias("mpwriter.DeskRunResult")]
public sealed record DeskRunResult(
    [property: Id(0)] DeskRunOutcome Outcome,
    [property: Id(1)] Guid? RunId);
