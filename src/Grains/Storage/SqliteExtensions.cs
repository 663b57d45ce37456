using Microsoft.Data.Sqlite;

namespace MpWriter.Grains.Storage;

internal static class SqliteExtensions
{
    /// <summary>A command on the transaction's connection, enlisted in it (Microsoft.Data.Sqlite requires that).</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
