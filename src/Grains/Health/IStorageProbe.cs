namespace MpWriter.Grains.Health;

/// <summary>Checks one storage dependency of this silo.</summary>
public interface IStorageProbe
{
    Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
