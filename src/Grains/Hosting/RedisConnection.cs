using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace MpWriter.Grains.Hosting;

/// <summary>
/// The process's one Redis multiplexer, shared by clustering, grain storage, reminders and the health probe.
/// It never gives up: while Redis is down calls fail fast and the multiplexer keeps reconnecting, so the process
/// recovers by itself when Redis is back.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    public const string ConnectionStringName = "Redis";

    private readonly Lazy<ConfigurationOptions> _options;
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;

    public RedisConnection(IConfiguration configuration)
    {
        // A missing connection string is not thrown here: Orleans reads these options while the host is being
        // built, before start-up validation can say which setting is missing and how to set it.
        _options = new Lazy<ConfigurationOptions>(() =>
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            var options = string.IsNullOrWhiteSpace(connectionString) ? new ConfigurationOptions() : ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 5_000;
            options.SyncTimeout = 5_000;
            options.AsyncTimeout = 5_000;
            return options;
        });
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(
            async () => await ConnectionMultiplexer.ConnectAsync(_options.Value),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ConfigurationOptions Options => _options.Value;

    public Task<IConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    /// <summary>For Orleans' Redis providers: the shared multiplexer, which they must not dispose.</summary>
    public async Task<(IConnectionMultiplexer Multiplexer, bool IsShared)> ForOrleansAsync() => (await GetAsync(), true);

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}
