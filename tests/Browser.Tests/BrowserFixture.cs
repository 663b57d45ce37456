using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using MpWriter.Api.Hosting;
using MpWriter.Testing;

namespace MpWriter.Browser.Tests;

/// <summary>
/// The real Api on 127.0.0.1 and Debian's Chromium driven by Playwright (no browser download). Tests skip, saying
/// why, where Chromium is not installed; CI installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempDirectory _data = new("mpwriter-browser");
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = ApiApp.Build(ApiHost.Arguments(_data.Path, port, new Dictionary<string, string>
        {
            ["Ai:Offline:DeltaDelay"] = "00:00:00.010",
        }));
        await _app.StartAsync();

        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
