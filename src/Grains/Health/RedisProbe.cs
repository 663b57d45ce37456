using MpWriter.Grains.Hosting;

namespace MpWriter.Grains.Health;

public sealed class RedisProbe(RedisConnection redis) : IStorageProbe
{
    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var multiplexer = await redis.GetAsync().WaitAsync(cancellationToken);
            await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return new ProbeResult("redis", true, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult("redis", false, "Redis is unreachable.");
        }
    }
}
