using System.Net;
using MpWriter.Testing;

namespace MpWriter.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RedisOutageTests(RedisFixture fixture)
{
    [SkippableFact]
    public async Task Redis_StoppedThenRestarted_ReadinessAndRunStartsAnswer503ThenRecoverWithoutRestart()
    {
        Skip.If(fixture.Redis is null, fixture.SkipReason);
        var redis = fixture.Redis;
        await using var cluster = new MpWriterCluster(redis);
        await cluster.StartAsync(silos: 2);
        using var client = new ApiClient(cluster.ApiAddress);
        await client.SignInAsync($"{Guid.NewGuid():N}@example.com", LetterExpectations.SenderName);
        var saved = await client.SendAsync(HttpMethod.Put, "/api/writing-desk",
            new { intake = LetterExpectations.Intake, mpName = "Jane Smith", constituency = "Anytown North", version = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var siloHealth = new Uri($"http://127.0.0.1:{cluster.HealthPorts[cluster.Silos[0]]}");

        try
        {
            await redis.StopAsync();

            await WaitForAsync(async () => await cluster.ReadyStatusAsync(cluster.ApiAddress) == HttpStatusCode.ServiceUnavailable, "Api ready to turn 503");
            await WaitForAsync(async () => await cluster.ReadyStatusAsync(siloHealth) == HttpStatusCode.ServiceUnavailable, "silo ready to turn 503");
            var refused = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" },
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = "during-outage" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await redis.StartAsync();
        }

        await WaitForAsync(async () => await cluster.ReadyStatusAsync(cluster.ApiAddress) == HttpStatusCode.OK, "Api ready to recover");
        await WaitForAsync(async () => await cluster.ReadyStatusAsync(siloHealth) == HttpStatusCode.OK, "silo ready to recover");
        var runId = await client.StartLetterAsync("formal", idempotencyKey: "after-outage", intake: LetterExpectations.Intake);
        var session = await SseSession.FollowAsync(client.Http, $"/api/runs/{runId}/events");
        await LetterExpectations.AssertDeliveredOnceAsync(client, runId, session);

        // Failure detection is tight (1 s probes); on this loaded machine it must still never evict a live silo,
        // which would make that silo stop itself.
        Assert.All(cluster.Silos, s => Assert.False(s.HasExited, $"{s.Name} stopped: it was voted dead"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(500);
        }
    }
}
