using System.ComponentModel.DataAnnotations;

namespace MpWriter.Api.Runs;

/// <summary>How the front end relays a run's events to browsers (section <c>Relay</c>).</summary>
public sealed class RelayOptions
{
    public const string SectionName = "Relay";

    /// <summary>A comment line goes to the browser at least this often, so proxies keep the stream open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:15")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With nothing at all from the run (not even its heartbeat) for this long, the relay assumes the call is lost
    /// and follows the run again from the last event it sent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Consecutive failed follows before the relay gives up and lets the browser reconnect.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The <c>retry:</c> the browser is told: how soon to reconnect when the stream drops.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}
