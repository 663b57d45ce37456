using System.Globalization;
using Microsoft.Data.Sqlite;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Storage;

public sealed class SqliteLedgerStore(SqliteDatabase database) : ILedgerStore
{
    public async Task AppendAsync(Guid userId, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(
                """
                INSERT INTO ledger (user_id, sequence, entry_id, operation_id, kind, balance_delta, held_delta, balance_after, held_after, source, at)
                VALUES ($user, $seq, $entry, $op, $kind, $bd, $hd, $ba, $ha, $source, $at)
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.AddWithValue("$user", userId.ToString());
            var seq = command.Parameters.Add("$seq", SqliteType.Integer);
            var entry = command.Parameters.Add("$entry", SqliteType.Text);
            var op = command.Parameters.Add("$op", SqliteType.Text);
            var kind = command.Parameters.Add("$kind", SqliteType.Integer);
            var bd = command.Parameters.Add("$bd", SqliteType.Integer);
            var hd = command.Parameters.Add("$hd", SqliteType.Integer);
            var ba = command.Parameters.Add("$ba", SqliteType.Integer);
            var ha = command.Parameters.Add("$ha", SqliteType.Integer);
            var source = command.Parameters.Add("$source", SqliteType.Text);
            var at = command.Parameters.Add("$at", SqliteType.Text);
            foreach (var e in entries)
            {
                seq.Value = e.Sequence;
                entry.Value = e.EntryId;
                op.Value = e.OperationId;
                kind.Value = (int)e.Kind;
                bd.Value = e.BalanceDelta;
                hd.Value = e.HeldDelta;
                ba.Value = e.BalanceAfter;
                ha.Value = e.HeldAfter;
                source.Value = (object?)e.Source ?? DBNull.Value;
                at.Value = e.At.ToString("O", CultureInfo.InvariantCulture);
                command.ExecuteNonQuery();
            }

            return entries.Count;
        }).WaitAsync(cancellationToken);
    }

    public async Task<bool> ContainsAsync(Guid userId, string entryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM ledger WHERE user_id = $user AND entry_id = $entry)";
        command.Parameters.AddWithValue("$user", userId.ToString());
        command.Parameters.AddWithValue("$entry", entryId);
        return await command.ExecuteScalarAsync(cancellationToken) is 1L;
    }

    public async Task<LedgerPage> ReadAsync(Guid userId, long? beforeSequence, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT sequence, operation_id, kind, balance_delta, held_delta, balance_after, held_after, source, at
            FROM ledger WHERE user_id = $user AND sequence < $before
            ORDER BY sequence DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$user", userId.ToString());
        command.Parameters.AddWithValue("$before", beforeSequence ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit + 1);
        var entries = new List<LedgerEntry>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                (LedgerEntryKind)reader.GetInt32(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)));
        }

        return LedgerPages.Create(entries, limit);
    }
}
