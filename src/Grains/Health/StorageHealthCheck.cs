using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MpWriter.Grains.Health;

/// <summary>A silo's own storage: every probe must answer healthy.</summary>
public sealed class StorageHealthCheck(IEnumerable<IStorageProbe> probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        StorageProbes.ToHealthCheckResult(await StorageProbes.ProbeAllAsync(probes, cancellationToken), "Storage answers.");
}
