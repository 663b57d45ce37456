using Microsoft.Extensions.Options;
using MpWriter.Grains.Storage;
using MpWriter.Testing;
using Orleans.Configuration;

namespace MpWriter.Grains.Tests.Storage;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly TempDirectory _directory = new("mpwriter-reminders");
    private readonly SqliteDatabase _database;
    private readonly SqliteReminderTable _table;

    public SqliteReminderTableTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "test.db"));
        _table = new SqliteReminderTable(_database, Options.Create(new ClusterOptions { ServiceId = "svc", ClusterId = "c" }));
    }

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task Upsert_ThenRead_ReturnsTheEntryWithItsETag()
    {
        var grain = GrainId.Create("run", Guid.NewGuid().ToString("N"));

        var etag = await _table.UpsertRow(Entry(grain, "watchdog"));
        var row = await _table.ReadRow(grain, "watchdog");

        Assert.NotNull(row);
        Assert.Equal(etag, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), row.StartAt);
        Assert.Single((await _table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Remove_WithStaleETag_KeepsTheRow()
    {
        var grain = GrainId.Create("run", Guid.NewGuid().ToString("N"));
        var first = await _table.UpsertRow(Entry(grain, "watchdog"));
        var second = await _table.UpsertRow(Entry(grain, "watchdog"));

        Assert.False(await _table.RemoveRow(grain, "watchdog", first!));
        Assert.True(await _table.RemoveRow(grain, "watchdog", second!));
        Assert.Null(await _table.ReadRow(grain, "watchdog"));
    }

    [Fact]
    public async Task ReadRange_IncludingWrapAround_FindsExactlyTheGrainsInTheRing()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => GrainId.Create("wallet", Guid.NewGuid().ToString("N"))).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "expire-holds"));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var begin = hashes[10];
        var end = hashes[30];

        var inside = (await _table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();
        var wrapped = (await _table.ReadRows(end, begin)).Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order();

        Assert.Equal(hashes.Where(h => h > begin && h <= end), inside);
        Assert.Equal(hashes.Where(h => h > end || h <= begin), wrapped);
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
