using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MpWriter.Testing;

namespace MpWriter.Api.Tests.WritingDesk;

[Collection(ApiCollection.Name)]
public sealed class WritingDeskTests(ApiFixture fixture)
{
    private static object Job(string intake = "Potholes on Mill Lane.", long version = 0, string? tone = null) =>
        new { intake, mpName = "Jane Smith", constituency = "Anytown North", tone, version };

    [Fact]
    public async Task Put_ThenStalePut_Is409WithTheCurrentVersion()
    {
        using var client = await fixture.SignedInClientAsync();
        var saved = await (await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job())).Content.ReadFromJsonAsync<JsonElement>();
        var version = saved.GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job("Second", version))).StatusCode);

        var stale = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job("Lost update", version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version + 1, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt64());
        Assert.Equal("Second", (await client.GetJsonAsync("/api/writing-desk")).GetProperty("intake").GetString());
    }

    [Theory]
    [InlineData("""{"intake":"","mpName":"","constituency":"","version":0}""")]
    [InlineData("""{"intake":"   ","mpName":"","constituency":"","version":0}""")]
    [InlineData("""{"intake":"ok","mpName":"","constituency":"","tone":"sarcastic","version":0}""")]
    [InlineData("""{"intake":"ok","mpName":"","constituency":""}""")]
    [InlineData("""{"intake":"ok","mpName":"","constituency":"","version":-3}""")]
    [InlineData("""{"intake":"ok","version":"zero"}""")]
    [InlineData("""{"intake":"ok", """)]
    [InlineData("""not json""")]
    public async Task Put_BadInput_Is400AndChangesNothing(string body)
    {
        using var client = await fixture.SignedInClientAsync();

        var response = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/writing-desk")).StatusCode);
    }

    [Fact]
    public async Task Put_IntakeOverFiveThousandCharacters_Is400()
    {
        using var client = await fixture.SignedInClientAsync();

        var response = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job(new string('a', 5_001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5,000", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MalformedJson_IsAClear400WithoutInternals()
    {
        using var client = await fixture.SignedInClientAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", """{"tone": """);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tone":"sarcastic"}""")]
    [InlineData("""{"tone":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"tone":5}""")]
    public async Task Letter_UnknownTone_Is400AndChargesNothing(string body)
    {
        using var client = await fixture.SignedInClientAsync();
        await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job());

        var response = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0m, (await client.GetJsonAsync("/api/credits")).GetProperty("held").GetDecimal());
    }

    [Fact]
    public async Task Letter_WithNothingSaved_Is409()
    {
        using var client = await fixture.SignedInClientAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Letter_WithoutEnoughCredits_Is402AndChangesNothing()
    {
        using var client = await fixture.SignedInClientAsync();
        // 3.00 credits cover fifteen letters at 0.20; the holds of running letters count against them.
        for (var i = 0; i < 15; i++)
        {
            await client.StartLetterAsync(idempotencyKey: $"letter-{i}");
        }

        var before = await client.GetJsonAsync("/api/writing-desk");
        var response = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" });

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await client.GetJsonAsync("/api/writing-desk");
        Assert.Equal(before.GetProperty("letterRunId").GetGuid(), after.GetProperty("letterRunId").GetGuid());
        var credits = await client.GetJsonAsync("/api/credits");
        Assert.True(credits.GetProperty("balance").GetDecimal() - credits.GetProperty("held").GetDecimal() < 0.20m);
    }

    [Fact]
    public async Task Letter_RetriedWithTheSameIdempotencyKey_ReturnsTheSameRunAndChargesOnce()
    {
        using var client = await fixture.SignedInClientAsync();
        await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job());
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "retry-me" };

        var first = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" }, headers: headers);
        var second = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" }, headers: headers);
        var other = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "urgent" }, headers: headers);
        var bad = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" },
            headers: new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var runId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        Assert.Equal(runId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid());
        Assert.Equal($"/api/runs/{runId}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0.20m, (await client.GetJsonAsync("/api/credits")).GetProperty("held").GetDecimal() + 3.00m - (await client.GetJsonAsync("/api/credits")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Delete_RemovesTheJob()
    {
        using var client = await fixture.SignedInClientAsync();
        await client.SendAsync(HttpMethod.Put, "/api/writing-desk", Job());

        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(HttpMethod.Delete, "/api/writing-desk?version=99")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, "/api/writing-desk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/writing-desk")).StatusCode);
    }
}
