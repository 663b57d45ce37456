using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MpWriter.Testing;

namespace MpWriter.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/auth/me")]
    [InlineData("GET", "/api/credits")]
    [InlineData("GET", "/api/credits/ledger")]
    [InlineData("GET", "/api/writing-desk")]
    [InlineData("PUT", "/api/writing-desk")]
    [InlineData("POST", "/api/writing-desk/letter")]
    [InlineData("GET", "/api/runs/7b0f3a70-5a2b-4a5e-9d3c-1f2e3d4c5b6a")]
    [InlineData("GET", "/api/runs/7b0f3a70-5a2b-4a5e-9d3c-1f2e3d4c5b6a/events")]
    [InlineData("POST", "/api/runs/7b0f3a70-5a2b-4a5e-9d3c-1f2e3d4c5b6a/cancel")]
    public async Task Endpoint_NotSignedIn_Is401ProblemDetails(string method, string path)
    {
        using var client = fixture.NewClient();
        await client.RefreshCsrfAsync();

        var response = await client.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task UnsafeRequest_WithoutCsrfToken_Is403AndChangesNothing()
    {
        using var client = await fixture.SignedInClientAsync();

        var put = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", new { intake = "x", mpName = "", constituency = "", version = 0 }, csrf: false);
        var letter = await client.SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone = "formal" }, csrf: false);
        var forged = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", new { intake = "x", mpName = "", constituency = "", version = 0 },
            csrf: false, headers: new Dictionary<string, string> { ["X-CSRF-TOKEN"] = "forged" });

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, letter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/api/writing-desk")).StatusCode);
        Assert.Equal(0m, (await client.GetJsonAsync("/api/credits")).GetProperty("held").GetDecimal());
    }

    [Fact]
    public async Task SignIn_WithoutCsrfToken_Is403()
    {
        using var client = fixture.NewClient();

        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/dev-sign-in", new { email = "a@example.com", name = "A" }, csrf: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task CsrfToken_FromBeforeSignIn_IsRefusedAfterIt()
    {
        using var client = fixture.NewClient();
        await client.RefreshCsrfAsync();
        var anonymousToken = client.CsrfToken!;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, "/api/auth/dev-sign-in", new { email = $"{Guid.NewGuid():N}@example.com", name = "A" })).StatusCode);

        var response = await client.SendAsync(HttpMethod.Put, "/api/writing-desk", new { intake = "x", mpName = "", constituency = "", version = 0 },
            csrf: false, headers: new Dictionary<string, string> { ["X-CSRF-TOKEN"] = anonymousToken });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DevSignIn_SetsAnHttpOnlyLaxSessionCookieAndGrantsTheSignupCredits()
    {
        using var client = fixture.NewClient();
        await client.RefreshCsrfAsync();
        var email = $"{Guid.NewGuid():N}@Example.com";

        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/dev-sign-in", new { email, name = "  Ann Example " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mpw_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.GetJsonAsync("/api/auth/me");
        Assert.Equal(email.ToLowerInvariant(), me.GetProperty("email").GetString());
        Assert.Equal("Ann Example", me.GetProperty("name").GetString());
        Assert.Equal(3.00m, me.GetProperty("credits").GetDecimal());
    }

    [Fact]
    public async Task DevSignIn_Twice_IsTheSameUserAndGrantsOnce()
    {
        using var first = fixture.NewClient();
        using var second = fixture.NewClient();
        var email = $"{Guid.NewGuid():N}@example.com";

        var a = await first.SignInAsync(email, "Ann");
        var b = await second.SignInAsync(email.ToUpperInvariant(), "Ann");

        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(3.00m, (await second.GetJsonAsync("/api/credits")).GetProperty("balance").GetDecimal());
    }

    [Theory]
    [InlineData("""{"email":"not-an-address","name":"A"}""")]
    [InlineData("""{"email":"a@example.com","name":""}""")]
    [InlineData("""{"email":"a@example.com"}""")]
    public async Task DevSignIn_InvalidFields_Is400ValidationProblem(string body)
    {
        using var client = fixture.NewClient();
        await client.RefreshCsrfAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/dev-sign-in", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_ClearsTheSession()
    {
        using var client = await fixture.SignedInClientAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/sign-out");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Session_TamperedToken_Is401()
    {
        using var client = await fixture.SignedInClientAsync();
        var session = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_session"]!;
        var parts = session.Value.Split('.');
        session.Value = $"{parts[0]}.{parts[1]}x.{parts[2]}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_AfterTheAccessTokenIsGone_RenewsBothCookies()
    {
        using var client = await fixture.SignedInClientAsync();
        var refreshBefore = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;
        client.Cookies.GetCookies(fixture.BaseAddress)["mpw_session"]!.Expired = true;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync("/api/auth/me")).StatusCode);

        await client.RefreshCsrfAsync();
        var refreshed = await client.SendAsync(HttpMethod.Post, "/api/auth/refresh");

        Assert.Equal(HttpStatusCode.NoContent, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.NotEqual(refreshBefore, client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value);
    }

    [Fact]
    public async Task Refresh_WithAnOlderTokenThanTheLast_RevokesTheWholeSignIn()
    {
        using var client = await fixture.SignedInClientAsync();
        var first = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
        var current = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;

        // A stolen copy of the first token comes back after two rotations.
        using var thief = fixture.NewClient();
        thief.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", first));
        await thief.RefreshCsrfAsync();
        var stolen = await thief.SendAsync(HttpMethod.Post, "/api/auth/refresh");

        Assert.Equal(HttpStatusCode.Unauthorized, stolen.StatusCode);
        client.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", current));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
    }

    [Fact]
    public async Task Refresh_TheTokenJustReplaced_Is409NotARevocation()
    {
        using var client = await fixture.SignedInClientAsync();
        var first = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
        var current = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;

        // A second tab's refresh sent with the old cookie, a moment after the first tab's.
        client.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", first));
        var raced = await client.SendAsync(HttpMethod.Post, "/api/auth/refresh");

        Assert.Equal(HttpStatusCode.Conflict, raced.StatusCode);
        client.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", current));
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("0123456789abcdef0123456789abcdef.not-a-real-secret")]
    public async Task Refresh_WithoutAValidToken_Is401(string? token)
    {
        using var client = fixture.NewClient();
        if (token is not null)
        {
            client.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", token));
        }

        await client.RefreshCsrfAsync();
        var response = await client.SendAsync(HttpMethod.Post, "/api/auth/refresh");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignOut_RevokesTheRefreshToken()
    {
        using var client = await fixture.SignedInClientAsync();
        var refresh = client.Cookies.GetCookies(fixture.BaseAddress)["mpw_refresh"]!.Value;

        await client.SendAsync(HttpMethod.Post, "/api/auth/sign-out");
        client.Cookies.Add(fixture.BaseAddress, new Cookie("mpw_refresh", refresh));
        await client.RefreshCsrfAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "/api/auth/refresh")).StatusCode);
    }
}
