using MpWriter.Grains.Audit;

namespace MpWriter.Grains.Storage;

public interface IAuditStore
{
    Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Newest first, for one user (or every user when null).</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAsync(Guid? userId, int limit, CancellationToken cancellationToken = default);
}
