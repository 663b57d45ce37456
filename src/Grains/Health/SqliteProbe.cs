using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Health;

public sealed class SqliteProbe(SqliteDatabase database) : IStorageProbe
{
    public async Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM grain_state WHERE 0";
            await command.ExecuteScalarAsync(cancellationToken);
            return new ProbeResult("sqlite", true, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ProbeResult("sqlite", false, "The SQLite file cannot be read.");
        }
    }
}
