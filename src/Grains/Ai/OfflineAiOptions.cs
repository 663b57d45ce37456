using System.ComponentModel.DataAnnotations;

namespace MpWriter.Grains.Ai;

/// <summary>The built-in drafting provider (section <c>Ai:Offline</c>).</summary>
public sealed class OfflineAiOptions
{
    public const string SectionName = "Ai:Offline";

    /// <summary>Pause between deltas, like a model's token stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan DeltaDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Words per delta.</summary>
    [Range(1, 50)]
    public int WordsPerDelta { get; set; } = 3;
}
