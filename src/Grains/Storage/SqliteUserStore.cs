using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Identity;

namespace MpWriter.Grains.Storage;

public sealed class SqliteUserStore(SqliteDatabase database, [FromKeyedServices(MpWriterTime.Key)] TimeProvider time) : IUserStore
{
    public async Task<UserSignIn> FindOrCreateAsync(string provider, string subject, string email, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // IMMEDIATE takes the write lock up front, so two first sign-ins cannot both miss and both insert.
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await using var find = connection.CreateCommand();
            find.CommandText =
                """
                SELECT u.id, u.email, u.name, u.created_at FROM user_identities i JOIN users u ON u.id = i.user_id
                WHERE i.provider = $provider AND i.subject = $subject
                """;
            find.Parameters.AddWithValue("$provider", provider);
            find.Parameters.AddWithValue("$subject", subject);
            var existing = await ReadUserAsync(find, cancellationToken);
            if (existing is not null)
            {
                await CommitAsync(connection, cancellationToken);
                return new UserSignIn(existing, Created: false);
            }

            var user = new UserProfile(Guid.NewGuid(), email, name, time.GetUtcNow());
            await using var insert = connection.CreateCommand();
            insert.CommandText =
                """
                INSERT INTO users (id, email, name, created_at) VALUES ($id, $email, $name, $created);
                INSERT INTO user_identities (provider, subject, user_id) VALUES ($provider, $subject, $id);
                """;
            insert.Parameters.AddWithValue("$id", user.Id.ToString());
            insert.Parameters.AddWithValue("$email", email);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$created", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$provider", provider);
            insert.Parameters.AddWithValue("$subject", subject);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await CommitAsync(connection, cancellationToken);
            return new UserSignIn(user, Created: true);
        }
        catch
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
    }

    public async Task<UserProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, name, created_at FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", userId.ToString());
        return await ReadUserAsync(command, cancellationToken);
    }

    private static async Task CommitAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var commit = connection.CreateCommand();
        commit.CommandText = "COMMIT";
        await commit.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<UserProfile?> ReadUserAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new UserProfile(
            Guid.Parse(reader.GetString(0)),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture));
    }
}
