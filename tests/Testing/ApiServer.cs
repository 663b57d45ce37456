using System.Globalization;
using Microsoft.AspNetCore.Builder;
using MpWriter.Api.Hosting;

namespace MpWriter.Testing;

/// <summary>
/// The real Api (embedded silo included) on Kestrel at 127.0.0.1, with its own ports and data directory, built
/// from command-line settings exactly as Program builds it.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly TempDirectory _data = new("mpwriter-api");
    private bool _started;

    private ApiServer(IDictionary<string, string>? overrides)
    {
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var settings = new Dictionary<string, string>
        {
            ["environment"] = "Development",
            ["urls"] = BaseAddress.ToString(),
            ["Storage:DataDirectory"] = _data.Path,
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

        App = ApiApp.Build(settings.Select(s => $"--{s.Key}={s.Value}").ToArray());
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Built but not started, for tests of what happens at start.</summary>
    public static ApiServer Create(IDictionary<string, string>? settings = null) => new(settings);

    public static async Task<ApiServer> StartAsync(IDictionary<string, string>? settings = null)
    {
        var server = new ApiServer(settings);
        await server.App.StartAsync();
        server._started = true;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await App.StopAsync();
        }

        await App.DisposeAsync();
        _data.Dispose();
    }
}
