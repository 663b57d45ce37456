namespace MpWriter.Grains.Runs;

/// <summary>
/// One numbered event, stored compactly: its type, where the text stood after it, and a status line. Events are
/// rebuilt from these and the run's text, so every event can be replayed after a restart.
/// </summary>
[GenerateSerializer, Immutable, Alias("mpwriter.RunLogEntry")]
public sealed record RunLogEntry(
    [property: Id(0)] RunEventType Type,
    [property: Id(1)] int TextEnd,
    [property: Id(2)] string? Status = null);
