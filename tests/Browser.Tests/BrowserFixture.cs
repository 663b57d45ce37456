using Microsoft.Playwright;
using MpWriter.Testing;

namespace MpWriter.Browser.Tests;

/// <summary>
/// The real Api on 127.0.0.1 and Debian's Chromium driven by Playwright (no browser download). Tests skip, saying
/// why, where Chromium is not installed; CI installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private ApiServer? _server;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(new Dictionary<string, string> { ["Ai:Offline:DeltaDelay"] = "00:00:00.010" });
        BaseUrl = _server.BaseAddress.ToString().TrimEnd('/');

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
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
