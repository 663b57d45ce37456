using System.Net;
using System.Text.Json;

namespace MpWriter.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class HostingTests(ApiFixture fixture)
{
    [Fact]
    public async Task Page_IsServedWithAStrictPolicyAndFingerprintedAssets()
    {
        using var client = fixture.NewClient();

        var response = await client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/app\\.[a-z0-9]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var request = new HttpRequestMessage(HttpMethod.Get, script);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var asset = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("gzip", asset.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthy()
    {
        using var client = fixture.NewClient();

        var live = await client.Http.GetAsync("/health/live");
        var ready = await client.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "cluster");
    }

    [Fact]
    public async Task UnknownPath_Is404ProblemDetails()
    {
        using var client = fixture.NewClient();

        var response = await client.Http.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
