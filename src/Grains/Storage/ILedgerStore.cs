using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Storage;

/// <summary>The credit ledger: one entry per credit movement, unique per wallet by entry id and by sequence.</summary>
public interface ILedgerStore
{
    /// <summary>Appends entries; one already stored (same entry id) is skipped, so replaying an outbox is safe.</summary>
    Task AppendAsync(Guid userId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default);

    Task<bool> ContainsAsync(Guid userId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Newest first; <paramref name="beforeSequence"/> pages backwards.</summary>
    Task<LedgerPage> ReadAsync(Guid userId, long? beforeSequence, int limit, CancellationToken cancellationToken = default);
}
