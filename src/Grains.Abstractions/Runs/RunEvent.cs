namespace MpWriter.Grains.Runs;

/// <summary>
/// One event of a run. <see cref="Seq"/> is gap-free from 1 for every type but heartbeats, which carry the
/// run's current sequence number.
/// </summary>
[GenerateSerializer, Immutable, Alias("mpwriter.RunEvent")]
public sealed record RunEvent(
    [property: Id(0)] long Seq,
    [property: Id(1)] RunEventType Type,
    [property: Id(2)] string? Text = null,
    [property: Id(3)] string? Status = null,
    [property: Id(4)] RunResult? Result = null,
    [property: Id(5)] RunError? Error = null)
{
    public bool IsTerminal => Type is RunEventType.Complete or RunEventType.Error;
}
