using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MpWriter.Testing;

namespace MpWriter.Api.Tests.Auth;

/// <summary>With secure cookies on (every environment but Development), the cookies carry the __Host- prefix.</summary>
public sealed class SecureCookieTests : IAsyncLifetime
{
    private ApiServer? _server;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(new Dictionary<string, string> { ["Auth:SecureCookies"] = "true" });
        _address = _server.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Cookies_WhenSecure_AreHostPrefixedSecureHttpOnlyAndPathRoot()
    {
        // As behind a TLS-terminating proxy on loopback. A cookie jar would drop Secure cookies over the plain
        // http underneath, so the headers are read and sent by hand.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _address };
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var csrf = await http.GetAsync("/api/auth/csrf");
        var csrfCookie = Assert.Single(csrf.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-mpw_csrf=", StringComparison.Ordinal));
        var token = (await csrf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/auth/dev-sign-in")
        {
            Content = JsonContent.Create(new { email = "secure@example.com", name = "Sam" }),
        };
        signIn.Headers.Add("X-CSRF-TOKEN", token);
        signIn.Headers.Add("Cookie", csrfCookie.Split(';')[0]);
        var response = await http.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-mpw_session=", StringComparison.Ordinal));
        foreach (var cookie in new[] { csrfCookie, session })
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        }

        Assert.Contains("samesite=lax", session.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("samesite=strict", csrfCookie.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_WhenCookiesMustBeSecure_Is400ButHealthStillAnswers()
    {
        using var http = new HttpClient { BaseAddress = _address };

        var csrf = await http.GetAsync("/api/auth/csrf");
        var live = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.BadRequest, csrf.StatusCode);
        Assert.Contains("HTTPS", await csrf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
