using System.Globalization;
using Microsoft.Data.Sqlite;
using MpWriter.Grains.Audit;

namespace MpWriter.Grains.Storage;

public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
{
    public async Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(
                """
                INSERT INTO audit_events (at, kind, user_id, subject, detail, correlation_id, event_id)
                VALUES ($at, $kind, $user, $subject, $detail, $correlation, $eventId)
                ON CONFLICT DO NOTHING
                """);
            var at = command.Parameters.Add("$at", SqliteType.Text);
            var kind = command.Parameters.Add("$kind", SqliteType.Text);
            var user = command.Parameters.Add("$user", SqliteType.Text);
            var subject = command.Parameters.Add("$subject", SqliteType.Text);
            var detail = command.Parameters.Add("$detail", SqliteType.Text);
            var correlation = command.Parameters.Add("$correlation", SqliteType.Text);
            var eventId = command.Parameters.Add("$eventId", SqliteType.Text);
            foreach (var e in events)
            {
                at.Value = e.At.ToString("O", CultureInfo.InvariantCulture);
                kind.Value = e.Kind;
                user.Value = (object?)e.UserId?.ToString() ?? DBNull.Value;
                subject.Value = (object?)e.Subject ?? DBNull.Value;
                detail.Value = (object?)e.Detail ?? DBNull.Value;
                correlation.Value = (object?)e.CorrelationId ?? DBNull.Value;
                eventId.Value = (object?)e.EventId ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            return events.Count;
        }).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(Guid? userId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = userId is null
            ? "SELECT at, kind, user_id, subject, detail, correlation_id, event_id FROM audit_events ORDER BY id DESC LIMIT $limit"
            : "SELECT at, kind, user_id, subject, detail, correlation_id, event_id FROM audit_events WHERE user_id = $user ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        if (userId is not null)
        {
            command.Parameters.AddWithValue("$user", userId.Value.ToString());
        }

        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AuditEvent(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return events;
    }
}
