using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using MpWriter.Grains.Runs;
using MpWriter.Testing;
using Orleans.Core.Internal;

namespace MpWriter.Api.Tests.Runs;

[Collection(ApiCollection.Name)]
public sealed class RunEventsTests(ApiFixture fixture)
{
    private static readonly string[] EventTypes = ["status", "delta", "snapshot", "complete", "error"];

    private static async Task<List<SseFrame>> ReadAllAsync(ApiClient client, Guid runId, string query = "", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events{query}");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SseFrame.ReadAsync(await response.Content.ReadAsStreamAsync());
    }

    private static string Text(IEnumerable<SseFrame> frames, string start = "")
    {
        var text = start;
        foreach (var frame in frames.Where(f => f.Event is not null))
        {
            var data = JsonDocument.Parse(frame.Data!).RootElement;
            text = frame.Event switch
            {
                "delta" => text + data.GetProperty("text").GetString(),
                "snapshot" or "complete" => data.GetProperty("text").GetString()!,
                _ => text,
            };
        }

        return text;
    }

    [Fact]
    public async Task Events_FollowedToTheEnd_SpeakTheArchitectureWireFormat()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();

        using var response = await client.Http.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
        var frames = (await SseFrame.ReadAsync(await response.Content.ReadAsStreamAsync())).Where(f => f.Event is not null).ToList();

        Assert.Equal("2000", frames[0].Retry);
        Assert.Equal(Enumerable.Range(1, frames.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), frames.Select(f => f.Id));
        Assert.All(frames, f => Assert.Contains(f.Event, EventTypes));
        Assert.All(frames, f => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(f.Data!).RootElement.ValueKind));
        Assert.Equal("status", frames[0].Event);
        Assert.Equal("""{"status":"started"}""", frames[0].Data);
        var complete = frames[^1];
        Assert.Equal("complete", complete.Event);
        var result = JsonDocument.Parse(complete.Data!).RootElement;
        Assert.Equal(Text(frames[..^1]), result.GetProperty("text").GetString());
        Assert.Equal("formal", result.GetProperty("result").GetProperty("tone").GetString());
        Assert.StartsWith("Dear Jane Smith,", result.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_ParsedByTheRuntimeSseParser_GiveTheWholeLetter()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync("urgent");

        await using var body = await client.Http.GetStreamAsync($"/api/runs/{runId}/events");
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync())
        {
            items.Add(item);
        }

        Assert.Equal("complete", items[^1].EventType);
        var text = string.Concat(items.Where(i => i.EventType == "delta").Select(i => JsonDocument.Parse(i.Data).RootElement.GetProperty("text").GetString()));
        Assert.Equal(JsonDocument.Parse(items[^1].Data).RootElement.GetProperty("text").GetString(), text);
    }

    [Fact]
    public async Task Events_ResumedWithLastEventIdOrAfter_ContinueWithoutGapOrDuplicate()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync("empathetic");

        List<SseFrame> first;
        using (var response = await client.Http.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead))
        {
            // A browser that drops the connection after event 6.
            first = await SseFrame.ReadAsync(await response.Content.ReadAsStreamAsync(), f => f.Id == "6");
        }

        var resumed = (await ReadAllAsync(client, runId, lastEventId: "6")).Where(f => f.Event is not null).ToList();
        var byQuery = (await ReadAllAsync(client, runId, "?after=6")).Where(f => f.Event is not null).ToList();

        var ids = first.Concat(resumed).Where(f => f.Id is not null).Select(f => long.Parse(f.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => (long)i), ids);
        var letter = JsonDocument.Parse(resumed[^1].Data!).RootElement.GetProperty("text").GetString();
        Assert.Equal(letter, Text(resumed[..^1], Text(first)));
        Assert.Equal(resumed.Select(f => f.Id), byQuery.Select(f => f.Id));
    }

    [Fact]
    public async Task Events_RunDeactivatedMidStream_AreRelayedWithoutGapOrDuplicate()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync("neutral");
        var run = fixture.Grains.GetGrain<IRunGrain>(runId);

        using var response = await client.Http.GetAsync($"/api/runs/{runId}/events", HttpCompletionOption.ResponseHeadersRead);
        var deactivated = false;
        var frames = await SseFrame.ReadAsync(await response.Content.ReadAsStreamAsync(), f =>
        {
            if (!deactivated && f.Id is "10")
            {
                // The grain call the relay is following ends; the relay must follow the next activation.
                run.Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask().GetAwaiter().GetResult();
                deactivated = true;
            }

            return f.Event is "complete" or "error";
        });

        Assert.True(deactivated);
        var events = frames.Where(f => f.Event is not null).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(f => f.Id));
        Assert.Equal("complete", events[^1].Event);
        Assert.Equal(JsonDocument.Parse(events[^1].Data!).RootElement.GetProperty("text").GetString(), Text(events[..^1]));
        Assert.Equal("""{"balance":2.80,"held":0.00}""", await client.Http.GetStringAsync("/api/credits"));
    }

    [Fact]
    public async Task Events_ReconnectAtOrPastTheEnd_Gets204()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();
        var frames = await ReadAllAsync(client, runId);
        var lastId = frames.Last(f => f.Id is not null).Id!;

        foreach (var position in new[] { lastId, "100000" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events");
            request.Headers.Add("Last-Event-ID", position);
            using var response = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
    }

    [Fact]
    public async Task Events_WhileNothingHappens_SendPingComments()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();

        // Positioned past anything the run will send, the stream only idles until the run ends before it.
        var frames = await ReadAllAsync(client, runId, "?after=100000");

        Assert.DoesNotContain(frames, f => f.Event is not null);
        Assert.Contains(frames, f => f.Comments.Contains(": ping"));
    }

    [Fact]
    public async Task Events_BadPosition_Is400AndNonGuidRunIs404()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();

        using var header = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/events");
        header.Headers.Add("Last-Event-ID", "seven");
        var badHeader = await client.Http.SendAsync(header);
        var badQuery = await client.Http.GetAsync($"/api/runs/{runId}/events?after=-1");
        var notGuid = await client.Http.GetAsync("/api/runs/not-a-guid/events");

        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Equal("application/problem+json", badHeader.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notGuid.StatusCode);
        Assert.Equal("application/problem+json", notGuid.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Runs_OfAnotherUser_Are404Everywhere()
    {
        using var owner = await fixture.SignedInClientAsync();
        using var stranger = await fixture.SignedInClientAsync();
        var runId = await owner.StartLetterAsync();

        var snapshot = await stranger.Http.GetAsync($"/api/runs/{runId}");
        var events = await stranger.Http.GetAsync($"/api/runs/{runId}/events");
        var cancel = await stranger.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel");

        Assert.Equal(HttpStatusCode.NotFound, snapshot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        var run = await owner.GetJsonAsync($"/api/runs/{runId}");
        Assert.NotEqual("cancelled", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_RunningLetter_ReleasesTheHold()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();
        Assert.Equal(0.20m, (await client.GetJsonAsync("/api/credits")).GetProperty("held").GetDecimal());

        var cancel = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var credits = await client.GetJsonAsync("/api/credits");
        Assert.Equal((3.00m, 0m), (credits.GetProperty("balance").GetDecimal(), credits.GetProperty("held").GetDecimal()));
        var frames = (await ReadAllAsync(client, runId)).Where(f => f.Event is not null).ToList();
        var error = JsonDocument.Parse(frames[^1].Data!).RootElement;
        Assert.Equal("error", frames[^1].Event);
        Assert.True(error.GetProperty("refunded").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel")).StatusCode);
    }

    [Fact]
    public async Task Letter_Completed_ChargesExactlyItsCost()
    {
        using var client = await fixture.SignedInClientAsync();
        var runId = await client.StartLetterAsync();
        await ReadAllAsync(client, runId);

        var raw = await client.Http.GetStringAsync("/api/credits");

        Assert.Equal("""{"balance":2.80,"held":0.00}""", raw);
        var run = await client.GetJsonAsync($"/api/runs/{runId}");
        Assert.Equal(("completed", "letter"), (run.GetProperty("status").GetString(), run.GetProperty("kind").GetString()));
    }
}
