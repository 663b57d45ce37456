namespace MpWriter.Grains.Health;

/// <summary>Probes the storage a silo depends on, for front ends that cannot reach it themselves.</summary>
[Alias("mpwriter.health")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("probe")]
    Task<IReadOnlyList<ProbeResult>> Probe();
}
