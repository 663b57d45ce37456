using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MpWriter.Testing;
using Xunit.Abstractions;

namespace MpWriter.Cluster.Tests;

/// <summary>Two silos and an Api as real processes on a real Redis; the silo hosting a run dies mid-stream.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(RedisFixture fixture, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(Signals.SigKill)]
    [InlineData(Signals.SigTerm)]
    public async Task Stream_HostingSiloDiesMidRun_CompletesWithoutGapDuplicateOrSecondCharge(int signal)
    {
        Skip.If(fixture.Redis is null, fixture.SkipReason);
        await using var cluster = new MpWriterCluster(fixture.Redis);
        await cluster.StartAsync(silos: 2);
        var (client, runId) = await LetterExpectations.StartLetterAsync(cluster.ApiAddress);
        using var _ = client;
        NodeProcess? host = null;

        var session = await LetterExpectations.FollowWithDisruptionAsync(client, runId, () =>
        {
            host = cluster.SiloHosting(runId) ?? throw new InvalidOperationException("No silo logged hosting the run.");
            host.Signal(signal);
            output.WriteLine($"signal {signal} sent to {host.Name} after event 8");
            return Task.CompletedTask;
        });

        await LetterExpectations.AssertDeliveredOnceAsync(client, runId, session);
        var survivor = cluster.Silos.Single(s => s != host);
        Assert.True(survivor.HasLine(l => l.Contains(runId.ToString(), StringComparison.Ordinal) && l.Contains("resuming", StringComparison.Ordinal)),
            "the run should have been resumed by the other silo");
    }

    [SkippableFact]
    public async Task Run_WithNoFollowerWhenItsSiloStopsGracefully_IsHandedOverAndFinishesWithinSeconds()
    {
        Skip.If(fixture.Redis is null, fixture.SkipReason);
        await using var cluster = new MpWriterCluster(fixture.Redis, new Dictionary<string, string>
        {
            ["Ai:Offline:DeltaDelay"] = "00:00:00.300",
        });
        await cluster.StartAsync(silos: 2);
        var (client, runId) = await LetterExpectations.StartLetterAsync(cluster.ApiAddress);
        using var _ = client;
        var host = cluster.SiloHosting(runId) ?? throw new InvalidOperationException("No silo logged hosting the run.");
        var survivor = cluster.Silos.Single(s => s != host);

        host.Signal(Signals.SigTerm);
        var stopped = System.Diagnostics.Stopwatch.StartNew();

        try
        {
            await host.WaitForLineAsync(l => l.Contains("handed over", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            await survivor.WaitForLineAsync(l => l.Contains(runId.ToString(), StringComparison.Ordinal) && l.Contains("resuming", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            output.WriteLine($"resumed on {survivor.Name} {stopped.Elapsed.TotalSeconds:0.0} s after SIGTERM");
            await survivor.WaitForLineAsync(l => l.Contains(runId.ToString(), StringComparison.Ordinal) && l.Contains("finished", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            foreach (var silo in cluster.Silos)
            {
                output.WriteLine($"{silo.Name}:\n{string.Join('\n', silo.Lines.Where(l => !l.StartsWith("   at ", StringComparison.Ordinal)).TakeLast(40))}");
            }

            throw;
        }

        Assert.Equal("""{"balance":2.80,"held":0.00}""", await client.Http.GetStringAsync("/api/credits"));
    }

    [SkippableFact]
    public async Task Run_WithNoFollowerWhenItsSiloDies_FinishesOrIsRefundedWithinTwoMinutes()
    {
        Skip.If(fixture.Redis is null, fixture.SkipReason);
        await using var cluster = new MpWriterCluster(fixture.Redis, new Dictionary<string, string>
        {
            // Long enough that the silo dies well before the letter is done.
            ["Ai:Offline:DeltaDelay"] = "00:00:00.500",
        });
        await cluster.StartAsync(silos: 2);
        var (client, runId) = await LetterExpectations.StartLetterAsync(cluster.ApiAddress);
        using var _ = client;
        var host = cluster.SiloHosting(runId) ?? throw new InvalidOperationException("No silo logged hosting the run.");

        host.Signal(Signals.SigKill);
        var killed = System.Diagnostics.Stopwatch.StartNew();

        // Only the wallet is asked: asking the run would wake it, and the point is that nothing has to. A request
        // in flight to the dying silo answers 503 after the response timeout, and the poll simply goes on.
        JsonElement credits;
        while (true)
        {
            using var response = await client.Http.GetAsync("/api/credits");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                credits = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (credits.GetProperty("held").GetDecimal() == 0m)
                {
                    break;
                }
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }

            Assert.True(killed.Elapsed < TimeSpan.FromMinutes(2), "the hold was still open two minutes after the silo died");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        output.WriteLine($"settled {killed.Elapsed.TotalSeconds:0.0} s after the kill");
        var run = await client.GetJsonAsync($"/api/runs/{runId}");
        var status = run.GetProperty("status").GetString();
        Assert.Contains(status, new[] { "completed", "failed" });
        Assert.Equal(status == "completed" ? 2.80m : 3.00m, credits.GetProperty("balance").GetDecimal());
    }
}
