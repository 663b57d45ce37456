using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Tests.Storage;

/// <summary>The MongoDB adapter against a real server, wherever <c>MPWRITER_TEST_MONGODB_URI</c> names one.</summary>
public sealed class MongoDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private static readonly string? Uri = Environment.GetEnvironmentVariable("MPWRITER_TEST_MONGODB_URI");
    private readonly MongoDocuments? _documents;
    private readonly string _database = $"mpwriter_test_{Guid.NewGuid():N}";

    public MongoDocumentStoreTests()
    {
        if (Uri is null)
        {
            Ledger = null!;
            Users = null!;
            Audit = null!;
            return;
        }

        _documents = new MongoDocuments(Uri, _database);
        Ledger = new MongoLedgerStore(_documents);
        Users = new MongoUserStore(_documents, new FakeTimeProvider());
        Audit = new MongoAuditStore(_documents);
    }

    protected override ILedgerStore Ledger { get; }

    protected override IUserStore Users { get; }

    protected override IAuditStore Audit { get; }

    protected override void SkipUnlessAvailable() =>
        Skip.If(Uri is null, "MPWRITER_TEST_MONGODB_URI is not set, so the MongoDB adapter's contract tests do not run here.");

    public void Dispose() => _documents?.Client.DropDatabase(_database);
}
