using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace MpWriter.Grains.Storage;

/// <summary>
/// Grain state in the embedded SQLite file, with ETag optimistic concurrency: a write whose ETag is not the
/// stored one throws <see cref="InconsistentStateException"/>, so two activations can never both win.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activators, TimeProvider time)
    : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, data FROM grain_state WHERE grain_type = $type AND grain_id = $id";
        command.Parameters.AddWithValue("$type", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.ETag = reader.GetString(0);
            grainState.State = serializer.Deserialize<T>(BinaryData.FromBytes((byte[])reader.GetValue(1)));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.State = activators.GetActivator<T>().Create();
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var newETag = Guid.NewGuid().ToString("N");
        var data = serializer.Serialize(grainState.State).ToArray();
        var etag = grainState.ETag;
        var id = grainId.ToString();
        var now = time.GetUtcNow().ToString("O");
        var written = await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(etag is null
                ? """
                  INSERT INTO grain_state (grain_type, grain_id, etag, data, updated_at)
                  VALUES ($type, $id, $newEtag, $data, $now)
                  ON CONFLICT DO NOTHING
                  """
                : """
                  UPDATE grain_state SET etag = $newEtag, data = $data, updated_at = $now
                  WHERE grain_type = $type AND grain_id = $id AND etag = $etag
                  """);
            command.Parameters.AddWithValue("$type", stateName);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$newEtag", newETag);
            command.Parameters.Add("$data", SqliteType.Blob).Value = data;
            command.Parameters.AddWithValue("$now", now);
            if (etag is not null)
            {
                command.Parameters.AddWithValue("$etag", etag);
            }

            return command.ExecuteNonQuery() == 1;
        });
        if (!written)
        {
            throw new InconsistentStateException(
                $"Version conflict writing {stateName} of {grainId}: the stored ETag is not {etag ?? "(none)"}.",
                storedEtag: "unknown",
                currentEtag: etag ?? string.Empty);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = grainState.ETag;
        var id = grainId.ToString();
        var cleared = await database.WriteAsync(transaction =>
        {
            using var command = transaction.Command(etag is null
                ? "SELECT NOT EXISTS (SELECT 1 FROM grain_state WHERE grain_type = $type AND grain_id = $id)"
                : "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $etag RETURNING 1");
            command.Parameters.AddWithValue("$type", stateName);
            command.Parameters.AddWithValue("$id", id);
            if (etag is not null)
            {
                command.Parameters.AddWithValue("$etag", etag);
            }

            return command.ExecuteScalar() is 1L;
        });
        if (!cleared)
        {
            throw new InconsistentStateException(
                $"Version conflict clearing {stateName} of {grainId}: the stored ETag is not {etag ?? "(none)"}.",
                storedEtag: "unknown",
                currentEtag: etag ?? string.Empty);
        }

        grainState.ETag = null;
        grainState.State = activators.GetActivator<T>().Create();
        grainState.RecordExists = false;
    }
}
