using MpWriter.Testing;

namespace MpWriter.Cluster.Tests;

/// <summary>One redis-server for the collection, owned by the tests so they can stop and start it.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer? Redis { get; private set; }

    public string SkipReason => "redis-server is not installed (apt-get install redis-server; .ci/run does).";

    public async Task InitializeAsync() => Redis = await RedisServer.TryStartAsync();

    public async Task DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "cluster";
}
