using MongoDB.Bson;
using MongoDB.Driver;
using MpWriter.Grains.Audit;

namespace MpWriter.Grains.Storage;

public sealed class MongoAuditStore(MongoDocuments documents) : IAuditStore
{
    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await documents.EnsureIndexesAsync(cancellationToken);
        var docs = events.Select(e => new BsonDocument
        {
            ["_id"] = e.EventId is null ? ObjectId.GenerateNewId() : e.EventId,
            ["atTicks"] = e.At.UtcTicks,
            ["at"] = e.At.UtcDateTime,
            ["kind"] = e.Kind,
            ["user"] = e.UserId is { } user ? user.ToString() : BsonNull.Value,
            ["subject"] = e.Subject is null ? BsonNull.Value : e.Subject,
            ["detail"] = e.Detail is null ? BsonNull.Value : e.Detail,
            ["correlation"] = e.CorrelationId is null ? BsonNull.Value : e.CorrelationId,
        });
        try
        {
            await documents.Audit.InsertManyAsync(docs, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException exception) when (MongoDocuments.IsDuplicateKey(exception))
        {
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(Guid? userId, int limit, CancellationToken cancellationToken = default)
    {
        var filter = userId is null ? Builders<BsonDocument>.Filter.Empty : Builders<BsonDocument>.Filter.Eq("user", userId.Value.ToString());
        var docs = await documents.Audit.Find(filter)
            .Sort(Builders<BsonDocument>.Sort.Descending("atTicks").Descending("_id"))
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return docs.Select(d => new AuditEvent(
            new DateTimeOffset(d["atTicks"].ToInt64(), TimeSpan.Zero),
            d["kind"].AsString,
            d["user"].IsBsonNull ? null : Guid.Parse(d["user"].AsString),
            d["subject"].IsBsonNull ? null : d["subject"].AsString,
            d["detail"].IsBsonNull ? null : d["detail"].AsString,
            d["correlation"].IsBsonNull ? null : d["correlation"].AsString,
            d["_id"].IsString ? d["_id"].AsString : null)).ToList();
    }
}
