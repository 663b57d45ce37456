using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace MpWriter.Grains.Storage;

/// <summary>
/// The embedded mode's single SQLite file: grain state, reminders and documents.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time and Microsoft.Data.Sqlite runs every call synchronously, retrying a busy lock
/// by sleeping the calling thread. With many grains writing at once that parks the silo's scheduler threads. So
/// all writes go through one dedicated thread that owns the write connection and commits whatever has queued up
/// in one transaction (each write in its own savepoint, so one failure fails only its caller). Reads use pooled
/// connections; WAL lets them run beside the writer.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    private const int MaxBatch = 512;

    private readonly string _connectionString;
    private readonly Channel<IWrite> _writes = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _writer;

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
            DefaultTimeout = 30,
        }.ToString();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-writer" };
        _writer.Start();
    }

    public string Path { get; }

    /// <summary>A pooled connection for reading.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        return Open();
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer thread inside the current batch's transaction; the task completes
    /// once that transaction has committed.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write)
    {
        var item = new Write<T>(write);
        if (!_writes.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        return item.Completion.Task;
    }

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writer.Join(TimeSpan.FromSeconds(10));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            // WAL keeps readers off the writer's back; NORMAL syncs at checkpoints, which WAL makes crash-safe.
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void WriteLoop()
    {
        SqliteConnection connection;
        try
        {
            connection = Open();
            using var schema = connection.CreateCommand();
            schema.CommandText = Schema;
            schema.ExecuteNonQuery();
            _ready.TrySetResult();
        }
        catch (Exception exception)
        {
            _ready.TrySetException(exception);
            FailAll(exception);
            return;
        }

        using (connection)
        {
            var batch = new List<IWrite>(MaxBatch);
            var reader = _writes.Reader;
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                Commit(connection, batch);
                batch.Clear();
            }
        }
    }

    private static void Commit(SqliteConnection connection, List<IWrite> batch)
    {
        var succeeded = new List<IWrite>(batch.Count);
        try
        {
            using var transaction = connection.BeginTransaction();
            foreach (var item in batch)
            {
                using var savepoint = connection.CreateCommand();
                savepoint.Transaction = transaction;
                savepoint.CommandText = "SAVEPOINT item";
                savepoint.ExecuteNonQuery();
                try
                {
                    item.Run(connection, transaction);
                    savepoint.CommandText = "RELEASE item";
                    savepoint.ExecuteNonQuery();
                    succeeded.Add(item);
                }
                catch (Exception exception)
                {
                    savepoint.CommandText = "ROLLBACK TO item; RELEASE item";
                    savepoint.ExecuteNonQuery();
                    item.Fail(exception);
                }
            }

            transaction.Commit();
        }
        catch (Exception exception)
        {
            foreach (var item in succeeded)
            {
                item.Fail(exception);
            }

            return;
        }

        foreach (var item in succeeded)
        {
            item.Succeed();
        }
    }

    private void FailAll(Exception exception)
    {
        while (_writes.Reader.TryRead(out var item))
        {
            item.Fail(exception);
        }
    }

    private interface IWrite
    {
        void Run(SqliteConnection connection, SqliteTransaction transaction);

        void Succeed();

        void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteTransaction, T> write) : IWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(SqliteConnection connection, SqliteTransaction transaction) => _result = write(transaction);

        public void Succeed() => Completion.TrySetResult(_result!);

        public void Fail(Exception exception) => Completion.TrySetException(exception);
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
