namespace MpWriter.Grains.Runs;

/// <summary>Why a run ended without a result. <see cref="Message"/> is safe to show to the user.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.RunError")]
public sealed record RunError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] bool Refunded);
