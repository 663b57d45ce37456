using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MpWriter.Grains.Hosting;
using MpWriter.Testing;
using Orleans.TestingHost;

namespace MpWriter.Grains.Tests;

/// <summary>
/// One in-process silo on a fresh SQLite file, shared by every test in the collection. The application clock is
/// fake (hold expiry is driven by advancing it); pacing and heartbeats use real time, kept short.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan HoldTimeout = TimeSpan.FromMinutes(15);
    public const int ReplayWindow = 8;

    private readonly TempDirectory _data = new("mpwriter-grains");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string DataDirectory => _data.Path;

    public static Dictionary<string, string?> Settings(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Credits:SignupGrant"] = "3.00",
        ["Credits:HoldTimeout"] = HoldTimeout.ToString(),
        ["Ai:Offline:DeltaDelay"] = "00:00:00.005",
        ["Ai:Offline:WordsPerDelta"] = "3",
        ["Runs:ReplayWindow"] = ReplayWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Runs:HeartbeatInterval"] = "00:00:00.500",
        ["Runs:CheckpointInterval"] = "00:00:00.050",
    };

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(Settings(_data.Path)));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMpWriterEmbeddedStorage();
            silo.Services.AddMpWriterGrainServices(silo.Configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(MpWriterTime.Key, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _data.Dispose();
    }

    public T SiloService<T>() where T : notnull => Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
