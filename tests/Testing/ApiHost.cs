using System.Globalization;

namespace MpWriter.Testing;

/// <summary>Command-line settings for an Api on 127.0.0.1 with its own ports and data directory.</summary>
public static class ApiHost
{
    public static string[] Arguments(string dataDirectory, int httpPort, IDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["environment"] = "Development",
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:ClusterId"] = "test",
            ["Ai:Offline:DeltaDelay"] = "00:00:00.015",
            ["RateLimits:SignInsPerMinute"] = "100000",
            ["RateLimits:RunsPerMinute"] = "100000",
            ["Relay:PingInterval"] = "00:00:00.200",
            ["Runs:HeartbeatInterval"] = "00:00:00.300",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
    }
}
