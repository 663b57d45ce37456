using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MpWriter.Grains.Health;

public static class StorageProbes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Runs every probe at once; one that does not answer within 3 s counts as unhealthy.</summary>
    public static async Task<ProbeResult[]> ProbeAllAsync(IEnumerable<IStorageProbe> probes, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        return await Task.WhenAll(probes.Select(async probe =>
        {
            try
            {
                return await probe.ProbeAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new ProbeResult(probe.GetType().Name, false, "The probe timed out.");
            }
        }));
    }

    /// <summary>Healthy when every probe is, otherwise naming each failing one; the per-probe state as data.</summary>
    public static HealthCheckResult ToHealthCheckResult(IReadOnlyCollection<ProbeResult> results, string healthyDescription)
    {
        var data = results.ToDictionary(r => r.Name, r => (object)(r.Healthy ? "healthy" : r.Problem ?? "unhealthy"));
        var failing = results.Where(r => !r.Healthy).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy(healthyDescription, data)
            : HealthCheckResult.Unhealthy(string.Join(" ", failing.Select(r => $"{r.Name}: {r.Problem}")), data: data);
    }
}
