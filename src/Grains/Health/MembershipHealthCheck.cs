using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MpWriter.Grains.Health;

/// <summary>Ready while this silo is an active member of its cluster.</summary>
public sealed class MembershipHealthCheck(ISiloStatusOracle membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentStatus;
        var active = membership.GetApproximateSiloStatuses(onlyActive: true).Count;
        var data = new Dictionary<string, object> { ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Active, with {active} active silo(s).", data)
            : HealthCheckResult.Unhealthy($"This silo is {status}.", data: data));
    }
}
