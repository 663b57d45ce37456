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

        var failing = probes.Where(p => !p.Healthy).ToList();
        var data = probes.ToDictionary(p => p.Name, p => (object)(p.Healthy ? "healthy" : p.Problem ?? "unhealthy"));
        return failing.Count == 0
            ? HealthCheckResult.Healthy("The cluster and its storage answer.", data)
            : HealthCheckResult.Unhealthy(string.Join(" ", failing.Select(p => $"{p.Name}: {p.Problem}")), data: data);
    }
}
