using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MpWriter.Grains.Health;

/// <summary>A silo's own storage: every probe must answer healthy.</summary>
public sealed class StorageHealthCheck(IEnumerable<IStorageProbe> probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var results = await Task.WhenAll(probes.Select(p => p.ProbeAsync(timeout.Token)));
        var data = results.ToDictionary(r => r.Name, r => (object)(r.Healthy ? "healthy" : r.Problem ?? "unhealthy"));
        var failing = results.Where(r => !r.Healthy).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy("Storage answers.", data)
            : HealthCheckResult.Unhealthy(string.Join(" ", failing.Select(r => $"{r.Name}: {r.Problem}")), data: data);
    }
}
