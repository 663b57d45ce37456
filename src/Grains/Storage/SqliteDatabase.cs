using Microsoft.Data.Sqlite;

namespace MpWriter.Grains.Storage;

/// <summary>
/// The embedded mode's single SQLite file: grain state, reminders and documents. Opens pooled connections in
/// WAL mode and creates the schema once.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteDatabase(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        Path = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout, which serializes writers.
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // WAL keeps readers off the writer's back; NORMAL syncs at checkpoints, which WAL makes crash-safe.
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
    }

    private const string Schema =
        """
        PRAGMA journal_mode = WAL;

        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            data       BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reminders (
            service_id    TEXT NOT NULL,
            grain_id      TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period_ticks  INTEGER NOT NULL,
            etag          TEXT NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);

        CREATE TABLE IF NOT EXISTS users (
            id         TEXT NOT NULL PRIMARY KEY,
            email      TEXT NOT NULL,
            name       TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS user_identities (
            provider TEXT NOT NULL,
            subject  TEXT NOT NULL,
            user_id  TEXT NOT NULL REFERENCES users (id),
            PRIMARY KEY (provider, subject)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS ledger (
            user_id       TEXT NOT NULL,
            sequence      INTEGER NOT NULL,
            entry_id      TEXT NOT NULL,
            operation_id  TEXT NOT NULL,
            kind          INTEGER NOT NULL,
            balance_delta INTEGER NOT NULL,
            held_delta    INTEGER NOT NULL,
            balance_after INTEGER NOT NULL,
            held_after    INTEGER NOT NULL,
            source        TEXT,
            at            TEXT NOT NULL,
            PRIMARY KEY (user_id, sequence)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX IF NOT EXISTS ledger_entry_id ON ledger (user_id, entry_id);

        CREATE TABLE IF NOT EXISTS audit_events (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            at         TEXT NOT NULL,
            kind       TEXT NOT NULL,
            user_id    TEXT,
            subject    TEXT,
            detail     TEXT,
            correlation_id TEXT,
            event_id   TEXT UNIQUE
        );
        """;
}
