using Microsoft.Extensions.DependencyInjection;
using MpWriter.Testing;

namespace MpWriter.Api.Tests;

/// <summary>The real Api (embedded silo included) on Kestrel at 127.0.0.1, shared by the collection.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private ApiServer? _server;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The embedded silo's grains, for tests that disturb a run from inside the cluster.</summary>
    public IGrainFactory Grains => _server!.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
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
