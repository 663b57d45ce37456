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

    /// <summary>How long a grain call may take; the same on silos and clients.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = new ClusterSettings();
        configuration.GetSection(SectionName).Bind(settings);
        return settings;
    }
}
