namespace MpWriter.Grains.WritingDesk;

/// <summary>The outcome of a write and the job as it now stands (null when there is none).</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.DeskWriteResult")]
public sealed record DeskWriteResult(
    [property: Id(0)] DeskWriteOutcome Outcome,
    [property: Id(1)] WritingDeskJob? Job,
    [property: Id(2)] string? Problem = null);
