using MongoDB.Bson;
using MongoDB.Driver;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Storage;

public sealed class MongoLedgerStore(MongoDocuments documents) : ILedgerStore
{
    public async Task AppendAsync(Guid userId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await documents.EnsureIndexesAsync(cancellationToken);
        var user = userId.ToString();
        var docs = entries.Select(e => new BsonDocument
        {
            ["_id"] = $"{user}|{e.EntryId}",
            ["user"] = user,
            ["sequence"] = e.Sequence,
            ["operation"] = e.OperationId,
            ["kind"] = (int)e.Kind,
            ["balanceDelta"] = e.BalanceDelta,
            ["heldDelta"] = e.HeldDelta,
            ["balanceAfter"] = e.BalanceAfter,
            ["heldAfter"] = e.HeldAfter,
            ["source"] = e.Source is null ? BsonNull.Value : e.Source,
            ["at"] = e.At.UtcDateTime,
            ["atOffsetTicks"] = e.At.UtcTicks,
        });
        try
        {
            // Unordered, so entries already stored (an outbox replay) are skipped and the rest still go in.
            await documents.Ledger.InsertManyAsync(docs, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException exception) when (MongoDocuments.IsDuplicateKey(exception))
        {
        }
    }

    public async Task<bool> ContainsAsync(Guid userId, string entryId, CancellationToken cancellationToken = default) =>
        await documents.Ledger.Find(Builders<BsonDocument>.Filter.Eq("_id", $"{userId}|{entryId}")).Limit(1).CountDocumentsAsync(cancellationToken) > 0;

    public async Task<LedgerPage> ReadAsync(Guid userId, long? beforeSequence, int limit, CancellationToken cancellationToken = default)
    {
        var filter = Builders<BsonDocument>.Filter.Eq("user", userId.ToString())
            & Builders<BsonDocument>.Filter.Lt("sequence", beforeSequence ?? long.MaxValue);
        var docs = await documents.Ledger.Find(filter)
            .Sort(Builders<BsonDocument>.Sort.Descending("sequence"))
            .Limit(limit + 1)
            .ToListAsync(cancellationToken);
        var entries = docs.Select(d => new LedgerEntry(
            d["sequence"].ToInt64(),
            d["operation"].AsString,
            (LedgerEntryKind)d["kind"].ToInt32(),
            d["balanceDelta"].ToInt64(),
            d["heldDelta"].ToInt64(),
            d["balanceAfter"].ToInt64(),
            d["heldAfter"].ToInt64(),
            d["source"].IsBsonNull ? null : d["source"].AsString,
            new DateTimeOffset(d["atOffsetTicks"].ToInt64(), TimeSpan.Zero))).ToList();
        return LedgerPages.Create(entries, limit);
    }
}
