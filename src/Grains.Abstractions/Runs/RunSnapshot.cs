namespace MpWriter.Grains.Runs;

[GenerateSerializer, Immutable, Alias("mpwriter.RunSnapshot")]
public sealed record RunSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] RunStatus Status,
    [property: Id(3)] long Seq,
    [property: Id(4)] string Text,
    [property: Id(5)] RunResult? Result,
    [property: Id(6)] RunError? Error,
    [property: Id(7)] long Cost,
    [property: Id(8)] DateTimeOffset CreatedAt)
{
    public bool IsFinished => Status is not RunStatus.Running;
}
