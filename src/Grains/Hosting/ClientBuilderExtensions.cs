using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Clustering.Redis;
using Orleans.Configuration;

namespace MpWriter.Grains.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>
    /// A front end as an Orleans client of a Redis-clustered deployment: the gateway list comes from Redis, and
    /// the client keeps trying to connect instead of failing its host when no silo is up yet.
    /// </summary>
    public static IClientBuilder UseMpWriterCluster(this IClientBuilder client)
    {
        var cluster = ClusterSettings.From(client.Configuration);
        client.Services.AddMpWriterClusterSettings(client.Configuration);
        client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
        client.Services.TryAddSingleton<RedisConnection>();
        client.UseRedisClustering(_ => { });
        client.Services.AddOptions<RedisClusteringOptions>().Configure<RedisConnection>((o, redis) =>
        {
            o.ConfigurationOptions = redis.Options;
            o.CreateMultiplexer = _ => redis.ForOrleansAsync();
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        // A silo that left is dropped from the gateway list within seconds, not Orleans' default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Services.AddSingleton<IClientConnectionRetryFilter, KeepConnectingFilter>();
        return client;
    }
}
