namespace MpWriter.Grains.Health;

/// <summary>One dependency's state. <see cref="Problem"/> is a short safe sentence, never a connection string.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.ProbeResult")]
public sealed record ProbeResult(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Healthy,
    [property: Id(2)] string? Problem);
