using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MpWriter.Grains.Ai;
using MpWriter.Grains.Runs;
using MpWriter.Testing;

namespace MpWriter.Cluster.Tests;

/// <summary>What a user following a letter must end up with, however many processes died on the way.</summary>
public static class LetterExpectations
{
    public const string Intake = "The 42 bus was withdrawn in March. People in the village can no longer reach the hospital without a car.";
    public const string SenderName = "Ann Example";

    /// <summary>The letter as an undisturbed run writes it (the offline provider is deterministic).</summary>
    public static string UndisturbedText { get; } =
        OfflineLetterWriter.Write(new RunInput(Intake, "Jane Smith", "Anytown North", "formal", SenderName)).Text;

    public static async Task<(ApiClient Client, Guid RunId)> StartLetterAsync(Uri api)
    {
        var client = new ApiClient(api);
        await client.SignInAsync($"{Guid.NewGuid():N}@example.com", SenderName);
        var runId = await client.StartLetterAsync("formal", intake: Intake);
        return (client, runId);
    }

    /// <summary>
    /// Follows the run like a browser, running <paramref name="atEvent8"/> when event 8 arrives (mid-letter), and
    /// returns the whole session once the stream has ended.
    /// </summary>
    public static async Task<SseSession> FollowWithDisruptionAsync(ApiClient client, Guid runId, Func<Task> atEvent8)
    {
        var reachedEight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var following = SseSession.FollowAsync(client.Http, $"/api/runs/{runId}/events", e =>
        {
            if (e.Id == "8")
            {
                reachedEight.TrySetResult();
            }

            return Task.CompletedTask;
        });
        await reachedEight.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await atEvent8();
        return await following;
    }

    public static async Task AssertDeliveredOnceAsync(ApiClient client, Guid runId, SseSession session)
    {
        var ids = session.Events.Select(e => long.Parse(e.Id!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        Assert.Equal("complete", session.Events[^1].Event);
        var deltas = string.Concat(session.Events.Where(e => e.Event == "delta").Select(e => JsonDocument.Parse(e.Data!).RootElement.GetProperty("text").GetString()));
        Assert.Equal(UndisturbedText, deltas);
        Assert.Equal(UndisturbedText, JsonDocument.Parse(session.Events[^1].Data!).RootElement.GetProperty("text").GetString());

        var credits = await client.Http.GetStringAsync("/api/credits");
        Assert.Equal("""{"balance":2.80,"held":0.00}""", credits);
        var ledger = await client.Http.GetFromJsonAsync<JsonElement>("/api/credits/ledger");
        var captures = ledger.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "capture").ToList();
        Assert.Single(captures);
        Assert.Equal(-0.20m, captures[0].GetProperty("amount").GetDecimal());
    }
}
