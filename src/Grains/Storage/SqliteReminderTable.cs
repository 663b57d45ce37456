using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace MpWriter.Grains.Storage;

/// <summary>
/// Durable reminders for the embedded mode, in the same SQLite file as grain state, so a run or a hold that
/// nobody touches is still finished after a restart.
/// </summary>
public sealed class SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectColumns} WHERE service_id = $service AND grain_id = $grain";
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        return new ReminderTableData(await ReadEntriesAsync(command));
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        // The ring range is (begin, end], wrapping around when begin >= end (the same rule as Orleans' RingRange).
        command.CommandText = begin < end
            ? $"{SelectColumns} WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end"
            : $"{SelectColumns} WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end)";
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return new ReminderTableData(await ReadEntriesAsync(command));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SelectColumns} WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name";
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        var entries = await ReadEntriesAsync(command);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var etag = Guid.NewGuid().ToString("N");
        await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(
                """
                INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period_ticks, etag)
                VALUES ($service, $grain, $name, $hash, $start, $period, $etag)
                ON CONFLICT (service_id, grain_id, reminder_name)
                DO UPDATE SET start_at = excluded.start_at, period_ticks = excluded.period_ticks, etag = excluded.etag
                """);
            command.Parameters.AddWithValue("$service", _serviceId);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            command.Parameters.AddWithValue("$etag", etag);
            return command.ExecuteNonQuery();
        });
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(
                "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND etag = $etag");
            command.Parameters.AddWithValue("$service", _serviceId);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", eTag);
            return command.ExecuteNonQuery() == 1;
        });

    public Task TestOnlyClearTable() =>
        database.WriteAsync(transaction =>
        {
            using var command = transaction.Command("DELETE FROM reminders WHERE service_id = $service");
            command.Parameters.AddWithValue("$service", _serviceId);
            return command.ExecuteNonQuery();
        });

    private const string SelectColumns = "SELECT grain_id, reminder_name, start_at, period_ticks, etag FROM reminders";

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }
}
