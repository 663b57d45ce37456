using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MpWriter.Api.Hosting;
using MpWriter.Testing;

namespace MpWriter.Api.Tests;

/// <summary>The real Api (embedded silo included) on Kestrel at 127.0.0.1, shared by the collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("mpwriter-api");
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The embedded silo's grains, for tests that disturb a run from inside the cluster.</summary>
    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        _app = ApiApp.Build(ApiHost.Arguments(_data.Path, port));
        await _app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }

    public ApiClient NewClient() => new(BaseAddress);

    /// <summary>A new user, signed in, with the embedded sign-up grant of 3.00 credits.</summary>
    public async Task<ApiClient> SignedInClientAsync()
    {
        var client = NewClient();
        await client.SignInAsync($"{Guid.NewGuid():N}@example.com", "Test User");
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
