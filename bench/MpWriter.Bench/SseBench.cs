using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MpWriter.Api.Runs;
using MpWriter.Grains.Ai;
using MpWriter.Grains.Runs;
using MpWriter.Grains.WritingDesk;
using MpWriter.Testing;

namespace MpWriter.Bench;

/// <summary>
/// N concurrent SSE streams of letter runs through the real Api (grain → relay → SSE) next to a bare ASP.NET Core
/// SSE endpoint that writes the same events from memory at the same pace. Client, Api and silo share the machine.
/// </summary>
public static class SseBench
{
    private const string Intake =
        "The 42 bus was withdrawn in March. People in the village can no longer reach the hospital without a car, and the " +
        "nearest stop is now two miles away along a road without a pavement.\n\nOlder residents have missed appointments.";

    public static async Task RunAsync(BenchOptions options)
    {
        var streams = options.Int("streams", 1000);
        var delay = TimeSpan.FromMilliseconds(options.Int("delay-ms", 250));
        // Not Development: no scope validation or developer pages in the measured path.
        await using var api = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["environment"] = "Staging",
            ["Auth:DevSignIn"] = "true",
            ["Auth:SecureCookies"] = "false",
            ["Ai:Offline:DeltaDelay"] = delay.ToString(),
            ["Serilog:MinimumLevel:Default"] = "Error",
        });
        var barePort = FreePort.Next();
        await using var bare = BareServer(barePort, delay);
        await bare.StartAsync();
        var apiBase = api.BaseAddress;
        var bareBase = new Uri($"http://127.0.0.1:{barePort}");

        Console.WriteLine($"sse bench: {Environment.ProcessorCount} cores, {streams:N0} streams, {delay.TotalMilliseconds:0} ms between deltas");
        var users = await SignInAsync(apiBase, streams);
        await WarmUpAsync(users.Take(10).ToList(), bareBase);

        var runIds = new Guid[streams];
        var live = await MeasureAsync("relay, live", users.Count, async i =>
        {
            var requested = Stopwatch.GetTimestamp();
            runIds[i] = await StartLetterAsync(users[i]);
            var anchor = Stopwatch.GetTimestamp();
            return (requested, anchor, await users[i].GetStreamAsync($"/api/runs/{runIds[i]}/events"));
        }, delay);
        var liveBare = await MeasureAsync("bare, live", streams, _ => Open(() => users[0].GetStreamAsync(new Uri(bareBase, "/bare?paced=true"))), delay);
        var replay = await MeasureAsync("relay, replay", users.Count, i => Open(() => users[i].GetStreamAsync($"/api/runs/{runIds[i]}/events")), TimeSpan.Zero);
        var replayBare = await MeasureAsync("bare, replay", streams, _ => Open(() => users[0].GetStreamAsync(new Uri(bareBase, "/bare?paced=false"))), TimeSpan.Zero);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live:   relay adds p50 {live.P50 - liveBare.P50:0.0} ms / p99 {live.P99 - liveBare.P99:0.0} ms over bare; events/s ratio relay/bare {live.EventsPerSecond / liveBare.EventsPerSecond:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay: events/s ratio relay/bare {replay.EventsPerSecond / replayBare.EventsPerSecond:0.00}; stream time p50 {replay.P50 / replayBare.P50:0.0}x, p99 {replay.P99 / replayBare.P99:0.0}x bare"));
        await bare.StopAsync();
    }

    private sealed record Measurement(double EventsPerSecond, double P50, double P99);

    /// <summary>
    /// Opens <paramref name="count"/> streams at once and reads each to its end. Paced, an event's added latency is
    /// how much later than its schedule it arrived: delta k is due k delays after the anchor (when the run had
    /// started: the start request's answer; for the bare endpoint, the request), status events at once. Setup is
    /// the time from the first request to the first event. Unpaced (a replay), it is request to last event.
    /// </summary>
    private static async Task<Measurement> MeasureAsync(string name, int count, Func<int, Task<(long Requested, long Anchor, Stream Body)>> open, TimeSpan delay)
    {
        var latencies = new List<double>[count];
        var setups = new double[count];
        var events = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var samples = latencies[i] = [];
            var (requested, anchor, body) = await open(i);
            await using var _ = body;
            var deltas = 0;
            var first = true;
            await foreach (var item in SseParser.Create(body).EnumerateAsync())
            {
                var now = Stopwatch.GetTimestamp();
                if (first)
                {
                    setups[i] = Stopwatch.GetElapsedTime(requested, now).TotalMilliseconds;
                    first = false;
                }

                Interlocked.Increment(ref events);
                if (item.EventType == "delta")
                {
                    deltas++;
                }

                if (delay > TimeSpan.Zero)
                {
                    samples.Add(Stopwatch.GetElapsedTime(anchor, now).TotalMilliseconds - deltas * delay.TotalMilliseconds);
                }
                else if (item.EventType is "complete" or "error")
                {
                    samples.Add(Stopwatch.GetElapsedTime(requested, now).TotalMilliseconds);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        var description = Percentiles.Describe(all);
        var setup = delay > TimeSpan.Zero ? "; setup (request to first event) " + Percentiles.Describe([.. setups]) : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14}: {events:N0} events in {seconds:0.0} s = {events / seconds,8:0} events/s; {(delay > TimeSpan.Zero ? "added latency" : "stream time")} {description}{setup}"));
        return new Measurement(events / seconds, At(all, 0.50), At(all, 0.99));
    }

    private static async Task<(long Requested, long Anchor, Stream Body)> Open(Func<Task<Stream>> request)
    {
        var requested = Stopwatch.GetTimestamp();
        return (requested, requested, await request());
    }

    private static double At(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<List<HttpClient>> SignInAsync(Uri baseAddress, int count)
    {
        var clients = new HttpClient[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = baseAddress,
                Timeout = TimeSpan.FromMinutes(5),
            };
            var token = await CsrfAsync(client);
            using var signIn = await Send(client, HttpMethod.Post, "/api/auth/dev-sign-in", token, new { email = $"bench{i}@example.com", name = $"Bench {i}" });
            signIn.EnsureSuccessStatusCode();
            token = await CsrfAsync(client);
            client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
            using var saved = await Send(client, HttpMethod.Put, "/api/writing-desk", null, new { intake = Intake, mpName = "Jane Smith", constituency = "Anytown North", version = 0 });
            saved.EnsureSuccessStatusCode();
            clients[i] = client;
        });
        return [.. clients];
    }

    private static async Task WarmUpAsync(List<HttpClient> users, Uri bareBase)
    {
        foreach (var user in users)
        {
            var runId = await StartLetterAsync(user);
            await using var body = await user.GetStreamAsync($"/api/runs/{runId}/events");
            await foreach (var _ in SseParser.Create(body).EnumerateAsync())
            {
            }

            await using var bareBody = await user.GetStreamAsync(new Uri(bareBase, "/bare?paced=false"));
            await foreach (var _ in SseParser.Create(bareBody).EnumerateAsync())
            {
            }
        }
    }

    private static async Task<Guid> StartLetterAsync(HttpClient client)
    {
        using var started = await Send(client, HttpMethod.Post, "/api/writing-desk/letter", null, new { tone = Tones.Formal });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
    }

    private static async Task<string> CsrfAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/csrf")).GetProperty("token").GetString()!;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string? token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return client.SendAsync(request);
    }

    /// <summary>A plain ASP.NET Core SSE endpoint writing the same letter's events from memory.</summary>
    private static WebApplication BareServer(int port, TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var letter = OfflineLetterWriter.Write(new RunInput(Intake, "Jane Smith", "Anytown North", Tones.Formal, "Bench"));
        var chunks = OfflineDraftingProvider.Split(letter.Text, 3);
        app.MapGet("/bare", (bool paced, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(Events(paced ? delay : TimeSpan.Zero, cancellationToken)));
        return app;

        async IAsyncEnumerable<SseItem<string>> Events(TimeSpan pace, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var seq = 0L;
            yield return RunEventStream.ToSseItem(new RunEvent(++seq, RunEventType.Status, Status: "started")) with { ReconnectionInterval = TimeSpan.FromSeconds(2) };
            yield return RunEventStream.ToSseItem(new RunEvent(++seq, RunEventType.Status, Status: "drafting"));
            foreach (var chunk in chunks)
            {
                if (pace > TimeSpan.Zero)
                {
                    await Task.Delay(pace, cancellationToken);
                }

                yield return RunEventStream.ToSseItem(new RunEvent(++seq, RunEventType.Delta, Text: chunk));
            }

            yield return RunEventStream.ToSseItem(new RunEvent(++seq, RunEventType.Complete, Text: letter.Text, Result: new RunResult(letter.Subject, Tones.Formal, 0)));
        }
    }
}
