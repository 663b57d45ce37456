using MongoDB.Bson;
using MongoDB.Driver;

namespace MpWriter.Grains.Storage;

/// <summary>
/// The cluster mode's document database: one client for the process and the collections with their unique
/// indexes, created once.
/// </summary>
public sealed class MongoDocuments
{
    private readonly Lazy<Task> _indexes;

    public MongoDocuments(string connectionString, string databaseName)
    {
        Client = new MongoClient(connectionString);
        Database = Client.GetDatabase(databaseName);
        Users = Database.GetCollection<BsonDocument>("users");
        Identities = Database.GetCollection<BsonDocument>("user_identities");
        Ledger = Database.GetCollection<BsonDocument>("ledger");
        Audit = Database.GetCollection<BsonDocument>("audit_events");
        _indexes = new Lazy<Task>(CreateIndexesAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IMongoClient Client { get; }

    public IMongoDatabase Database { get; }

    public IMongoCollection<BsonDocument> Users { get; }

    /// <summary><c>_id</c> is <c>provider|subject</c>, so an identity maps to one user by construction.</summary>
    public IMongoCollection<BsonDocument> Identities { get; }

    /// <summary><c>_id</c> is <c>user|entryId</c>; (user, sequence) is unique too.</summary>
    public IMongoCollection<BsonDocument> Ledger { get; }

    /// <summary><c>_id</c> is the event id when there is one, which makes recording it idempotent.</summary>
    public IMongoCollection<BsonDocument> Audit { get; }

    public Task EnsureIndexesAsync(CancellationToken cancellationToken = default) => _indexes.Value.WaitAsync(cancellationToken);

    public static bool IsDuplicateKey(MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };

    private async Task CreateIndexesAsync()
    {
        await Ledger.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending("user").Descending("sequence"),
            new CreateIndexOptions { Unique = true, Name = "user_sequence" }));
        await Audit.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Ascending("user").Descending("at"),
            new CreateIndexOptions { Name = "user_at" }));
    }
}
