using MongoDB.Bson;
using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Health;

public sealed class MongoProbe(MongoDocuments documents) : IStorageProbe
{
    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await documents.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return new ProbeResult("mongodb", true, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult("mongodb", false, "MongoDB is unreachable.");
        }
    }
}
