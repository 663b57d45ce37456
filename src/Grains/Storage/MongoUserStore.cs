using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Identity;

namespace MpWriter.Grains.Storage;

public sealed class MongoUserStore(MongoDocuments documents, [FromKeyedServices(MpWriterTime.Key)] TimeProvider time) : IUserStore
{
    public async Task<UserSignIn> FindOrCreateAsync(string provider, string subject, string email, string name, CancellationToken cancellationToken = default)
    {
        var candidate = new UserProfile(Guid.NewGuid(), email, name, time.GetUtcNow());
        // The identity's _id is provider|subject: of concurrent first sign-ins exactly one upsert inserts, and
        // every caller reads back the user id that one chose.
        var identity = await documents.Identities.FindOneAndUpdateAsync(
            Builders<BsonDocument>.Filter.Eq("_id", $"{provider}|{subject}"),
            Builders<BsonDocument>.Update
                .SetOnInsert("user", candidate.Id.ToString())
                .SetOnInsert("email", candidate.Email)
                .SetOnInsert("name", candidate.Name)
                .SetOnInsert("createdTicks", candidate.CreatedAt.UtcTicks),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        var user = new UserProfile(
            Guid.Parse(identity["user"].AsString),
            identity["email"].AsString,
            identity["name"].AsString,
            new DateTimeOffset(identity["createdTicks"].ToInt64(), TimeSpan.Zero));

        // Written on every sign-in and only ever inserted, so a crash after the identity upsert heals next time.
        await documents.Users.UpdateOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", user.Id.ToString()),
            Builders<BsonDocument>.Update
                .SetOnInsert("email", user.Email)
                .SetOnInsert("name", user.Name)
                .SetOnInsert("createdTicks", user.CreatedAt.UtcTicks),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
        return new UserSignIn(user, Created: user.Id == candidate.Id);
    }

    public async Task<UserProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var doc = await documents.Users.Find(Builders<BsonDocument>.Filter.Eq("_id", userId.ToString())).FirstOrDefaultAsync(cancellationToken);
        return doc is null
            ? null
            : new UserProfile(userId, doc["email"].AsString, doc["name"].AsString, new DateTimeOffset(doc["createdTicks"].ToInt64(), TimeSpan.Zero));
    }
}
