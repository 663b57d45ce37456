namespace MpWriter.Grains.Audit;

/// <summary>Writes audit events from front ends, which reach storage only through the cluster.</summary>
[Alias("mpwriter.audit")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    [Alias("record")]
    Task Record(AuditEvent auditEvent);
}
