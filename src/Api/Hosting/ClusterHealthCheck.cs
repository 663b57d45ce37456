using Microsoft.Extensions.Diagnostics.HealthChecks;
using MpWriter.Grains.Health;

namespace MpWriter.Api.Hosting;

/// <summary>Ready when the cluster answers and every storage probe on the silo that answers is healthy.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ProbeResult> probes;
        try
        {
            probes = await cluster.GetGrain<IHealthGrain>(0).Probe().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.");
        }

        return StorageProbes.ToHealthCheckResult(probes, "The cluster and its storage answer.");
    }
}
