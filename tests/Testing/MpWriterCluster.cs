using System.Globalization;
using System.Net;

namespace MpWriter.Testing;

/// <summary>
/// A Redis-mode deployment of real processes on 127.0.0.1: N silos and one Api, started from the built
/// assemblies with <c>dotnet</c>, sharing a Redis and (for documents) one SQLite file.
/// </summary>
public sealed class MpWriterCluster : IAsyncDisposable
{
    /// <summary>An obviously fake key, for tests only.</summary>
    public const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW5vdC1mb3ItdXNlLWFueXdoZXJlLWVsc2UtMDEyMzQ1Njc4OQ==";

    private readonly RedisServer _redis;
    private readonly TempDirectory _data = new("mpwriter-cluster");
    private readonly Dictionary<string, string> _settings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public MpWriterCluster(RedisServer redis, IDictionary<string, string>? settings = null)
    {
        _redis = redis;
        _settings = new Dictionary<string, string>
        {
            ["Cluster:Mode"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Cluster:ClusterId"] = $"test-{Guid.NewGuid():N}"[..20],
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Documents:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _data.Path,
            ["Credits:SignupGrant"] = "3.00",
            ["Ai:Offline:DeltaDelay"] = "00:00:00.100",
            ["Serilog:MinimumLevel:Override:Orleans"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        ApiPort = FreePort.Next();
    }

    public List<NodeProcess> Silos { get; } = [];

    public NodeProcess? Api { get; private set; }

    public int ApiPort { get; }

    public Uri ApiAddress => new($"http://127.0.0.1:{ApiPort}");

    public Dictionary<NodeProcess, int> HealthPorts { get; } = [];

    public async Task StartAsync(int silos = 2)
    {
        await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => StartSiloAsync()));
        await StartApiAsync();
    }

    public async Task<NodeProcess> StartSiloAsync()
    {
        var healthPort = FreePort.Next();
        var silo = Launch($"silo{Silos.Count + 1}", "Silo", new()
        {
            ["environment"] = "Production",
            ["urls"] = $"http://127.0.0.1:{healthPort}",
            ["Cluster:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        lock (Silos)
        {
            Silos.Add(silo);
            HealthPorts[silo] = healthPort;
        }

        await WaitReadyAsync(silo, new Uri($"http://127.0.0.1:{healthPort}/health/ready"));
        return silo;
    }

    public async Task StartApiAsync()
    {
        Api = Launch("api", "Api", new()
        {
            ["environment"] = "Development",
            ["urls"] = ApiAddress.ToString(),
            ["Auth:SigningKey"] = SigningKey,
            ["RateLimits:SignInsPerMinute"] = "10000",
            ["RateLimits:RunsPerMinute"] = "10000",
        });
        await WaitReadyAsync(Api, new Uri(ApiAddress, "/health/ready"));
    }

    /// <summary>The silo that logged starting or resuming the run most recently.</summary>
    public NodeProcess? SiloHosting(Guid runId)
    {
        var id = runId.ToString();
        return Silos.Where(s => !s.HasExited)
            .FirstOrDefault(s => s.HasLine(l => l.Contains(id, StringComparison.Ordinal) && (l.Contains("started", StringComparison.Ordinal) || l.Contains("resuming", StringComparison.Ordinal))));
    }

    public async Task<HttpStatusCode> ReadyStatusAsync(Uri healthBase)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(healthBase, "/health/ready"));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Silos.Append(Api).OfType<NodeProcess>())
        {
            await process.DisposeAsync();
        }

        _http.Dispose();
        _data.Dispose();
    }

    private NodeProcess Launch(string name, string project, Dictionary<string, string> settings)
    {
        var assembly = RepositoryPaths.EntryAssembly(project);
        var arguments = new List<string> { assembly };
        arguments.AddRange(_settings.Concat(settings).Select(s => $"--{s.Key}={s.Value}"));
        return NodeProcess.Start(name, "dotnet", arguments, Path.GetDirectoryName(assembly)!);
    }

    private async Task WaitReadyAsync(NodeProcess process, Uri ready)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited while starting:\n{string.Join('\n', process.Lines.TakeLast(40))}");
            }

            if (await ReadyStatusAsync(ready) == HttpStatusCode.OK)
            {
                return;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"{process.Name} was not ready in 90 s:\n{string.Join('\n', process.Lines.TakeLast(40))}");
            }

            await Task.Delay(200);
        }
    }
}
