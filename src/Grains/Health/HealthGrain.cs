using Orleans.Concurrency;

namespace MpWriter.Grains.Health;

[StatelessWorker]
public sealed class HealthGrain(IEnumerable<IStorageProbe> probes) : Grain, IHealthGrain
{
    public async Task<IReadOnlyList<ProbeResult>> Probe() => await StorageProbes.ProbeAllAsync(probes);
}
