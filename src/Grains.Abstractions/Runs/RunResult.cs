namespace MpWriter.Grains.Runs;

/// <summary>The structured part of a finished run, beside its text.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.RunResult")]
public sealed record RunResult(
    [property: Id(0)] string? Subject,
    [property: Id(1)] string? Tone,
    [property: Id(2)] int WordCount);
