using System.ComponentModel.DataAnnotations;

namespace MpWriter.Grains.Runs;

/// <summary>How runs stream, checkpoint and end (section <c>Runs</c>).</summary>
public sealed class RunOptions
{
    public const string SectionName = "Runs";

    /// <summary>A follower further behind than this many events gets one snapshot instead of every event.</summary>
    [Range(1, 100_000)]
    public int ReplayWindow { get; set; } = 512;

    /// <summary>How often an idle follower hears that the run is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a generating run saves its text and the provider's cursor.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A run still going after this long fails and is refunded.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Period of the reminder that wakes a run nobody is following (after its silo died, say) so it finishes or
    /// is refunded. Orleans does not allow reminders more often than once a minute by default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
