using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace MpWriter.Testing;

/// <summary>A browser-like client: a cookie jar, and the CSRF token sent back on unsafe requests.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public string? CsrfToken { get; private set; }

    public async Task RefreshCsrfAsync()
    {
        var response = await _http.GetFromJsonAsync<JsonElement>("/api/auth/csrf");
        CsrfToken = response.GetProperty("token").GetString();
    }

    public async Task<JsonElement> SignInAsync(string email, string name)
    {
        await RefreshCsrfAsync();
        var response = await SendAsync(HttpMethod.Post, "/api/auth/dev-sign-in", new { email, name });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await RefreshCsrfAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool csrf = true, IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (csrf && CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Saves an issue description and starts a letter; returns the run id.</summary>
    public async Task<Guid> StartLetterAsync(string tone = "formal", string? idempotencyKey = null, string intake = "The 42 bus was withdrawn and the village cannot reach the hospital.")
    {
        var desk = await _http.GetAsync("/api/writing-desk");
        var version = desk.StatusCode == HttpStatusCode.OK ? (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64() : 0;
        var saved = await SendAsync(HttpMethod.Put, "/api/writing-desk", new { intake, mpName = "Jane Smith", constituency = "Anytown North", version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        var started = await SendAsync(HttpMethod.Post, "/api/writing-desk/letter", new { tone }, headers: headers);
        Assert.True(started.IsSuccessStatusCode, $"starting a letter answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
    }

    public void Dispose() => _http.Dispose();
}
