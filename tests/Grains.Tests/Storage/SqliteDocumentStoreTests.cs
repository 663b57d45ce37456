using Microsoft.Extensions.Time.Testing;
using MpWriter.Grains.Storage;
using MpWriter.Testing;

namespace MpWriter.Grains.Tests.Storage;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new("mpwriter-sqlite");
    private readonly SqliteDatabase _database;

    public SqliteDocumentStoreTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "test.db"));
        Ledger = new SqliteLedgerStore(_database);
        Users = new SqliteUserStore(_database, new FakeTimeProvider());
        Audit = new SqliteAuditStore(_database);
    }

    protected override ILedgerStore Ledger { get; }

    protected override IUserStore Users { get; }

    protected override IAuditStore Audit { get; }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
