using System.Diagnostics;
using System.Globalization;
using MpWriter.Testing;

namespace MpWriter.Bench;

/// <summary>
/// From SIGKILL of the silo hosting a run to the next event reaching a follower, over real processes: Redis, two
/// silos and an Api started from the built assemblies. Each round is a fresh deployment.
/// </summary>
public static class FailoverBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        var rounds = options.Int("rounds", 5);
        await using var redis = await RedisServer.TryStartAsync()
            ?? throw new InvalidOperationException("redis-server is not installed.");
        Console.WriteLine($"failover bench: {Environment.ProcessorCount} cores, {rounds} rounds, built as {RepositoryPaths.Configuration}");
        var gaps = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            await using var cluster = new MpWriterCluster(redis);
            await cluster.StartAsync(silos: 2);
            using var client = new ApiClient(cluster.ApiAddress);
            await client.SignInAsync($"failover{round}@example.com", "Bench");
            var runId = await client.StartLetterAsync("formal", intake: "The 42 bus was withdrawn in March and the village cannot reach the hospital.");
            long killedAt = 0;
            double? gap = null;
            var session = await SseSession.FollowAsync(client.Http, $"/api/runs/{runId}/events", e =>
            {
                if (e.Id == "8")
                {
                    var host = cluster.SiloHosting(runId) ?? throw new InvalidOperationException("No silo logged hosting the run.");
                    killedAt = Stopwatch.GetTimestamp();
                    host.Signal(Signals.SigKill);
                }
                else if (killedAt != 0 && gap is null)
                {
                    gap = Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds;
                }

                return Task.CompletedTask;
            });
            gaps.Add(gap ?? double.NaN);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: next event {gap:0} ms after SIGKILL; {session.Events.Count} events, last {session.Events[^1].Event}"));
        }

        Console.WriteLine($"failover (SIGKILL to next event): {Percentiles.Describe(gaps)}");
    }
}
