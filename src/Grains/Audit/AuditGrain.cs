using MpWriter.Grains.Storage;
using Orleans.Concurrency;

namespace MpWriter.Grains.Audit;

/// <summary>Stateless and local to the caller's silo: audit writes never queue behind each other.</summary>
[StatelessWorker]
public sealed class AuditGrain(IAuditStore store) : Grain, IAuditGrain
{
    public Task Record(AuditEvent auditEvent) => store.AppendAsync([auditEvent]);
}
