namespace MpWriter.Grains.WritingDesk;

[GenerateSerializer, Immutable, Alias("mpwriter.WritingDeskJob")]
public sealed record WritingDeskJob(
    [property: Id(0)] long Version,
    [property: Id(1)] string Intake,
    [property: Id(2)] string MpName,
    [property: Id(3)] string Constituency,
    [property: Id(4)] string? Tone,
    [property: Id(5)] Guid? LetterRunId,
    [property: Id(6)] DateTimeOffset UpdatedAt);
