using Orleans.Concurrency;

namespace MpWriter.Grains.Health;

[StatelessWorker]
public sealed class HealthGrain(IEnumerable<IStorageProbe> probes) : Grain, IHealthGrain
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<ProbeResult>> Probe()
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        return await Task.WhenAll(probes.Select(p => ProbeAsync(p, timeout.Token)));
    }

    private static async Task<ProbeResult> ProbeAsync(IStorageProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.ProbeAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new ProbeResult(probe.GetType().Name, false, "The probe timed out.");
        }
    }
}
