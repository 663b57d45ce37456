using MpWriter.Testing;

namespace MpWriter.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ApiRestartTests(RedisFixture fixture)
{
    [SkippableFact]
    public async Task Stream_ApiRestartedMidRun_BrowserReconnectsWithLastEventIdAndMissesNothing()
    {
        Skip.If(fixture.Redis is null, fixture.SkipReason);
        await using var cluster = new MpWriterCluster(fixture.Redis);
        await cluster.StartAsync(silos: 2);
        var (client, runId) = await LetterExpectations.StartLetterAsync(cluster.ApiAddress);
        using var _ = client;

        // A rolling restart: SIGTERM ends each stream with a final retry:, then a new process takes the port.
        var session = await LetterExpectations.FollowWithDisruptionAsync(client, runId, async () =>
        {
            cluster.Api!.Signal(Signals.SigTerm);
            await cluster.Api.WaitForExitAsync(TimeSpan.FromSeconds(40));
            await cluster.StartApiAsync();
        });

        Assert.True(session.Reconnects >= 1, "the stream should have been reconnected");
        await LetterExpectations.AssertDeliveredOnceAsync(client, runId, session);

        // Failure detection is tight (1 s probes); on this loaded machine it must still never evict a live silo,
        // which would make that silo stop itself.
        Assert.All(cluster.Silos, s => Assert.False(s.HasExited, $"{s.Name} stopped: it was voted dead"));
    }
}
