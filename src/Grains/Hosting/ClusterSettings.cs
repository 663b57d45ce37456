using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace MpWriter.Grains.Hosting;

/// <summary>Where the cluster runs (section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>Names the application's stored data (Redis keys, reminders); must never change for a deployment.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ServiceId { get; set; } = "mpwriter";

    /// <summary>Names one deployment of the service; silos and clients only join their own cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string ClusterId { get; set; } = "local";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at. Unset: this host's own address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a grain call may take; the same on silos and clients.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often silos probe each other, and how long a probe may take. With <see cref="MissedProbesLimit"/> it sets
    /// how fast a dead silo is noticed: about their product. Orleans' defaults (5 s × 3) take 15 s or more.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo votes another dead. Too low, and a long GC pause kills a healthy silo.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How long a stopping process may take to hand over its work and close its streams.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = new ClusterSettings();
        configuration.GetSection(SectionName).Bind(settings);
        return settings;
    }
}
