using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Identity;

namespace MpWriter.Grains.Storage;

public sealed class SqliteUserStore(SqliteDatabase database, [FromKeyedServices(MpWriterTime.Key)] TimeProvider time) : IUserStore
{
    public Task<UserSignIn> FindOrCreateAsync(string provider, string subject, string email, string name, CancellationToken cancellationToken = default) =>
        // One writer runs find-then-insert as a unit, so two first sign-ins cannot both miss and both insert.
        database.WriteAsync(transaction =>
        {
            using var find = transaction.Command(
                """
                SELECT u.id, u.email, u.name, u.created_at FROM user_identities i JOIN users u ON u.id = i.user_id
                WHERE i.provider = $provider AND i.subject = $subject
                """);
            find.Parameters.AddWithValue("$provider", provider);
            find.Parameters.AddWithValue("$subject", subject);
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    return new UserSignIn(ReadUser(reader), Created: false);
                }
            }

            var user = new UserProfile(Guid.NewGuid(), email, name, time.GetUtcNow());
            using var insert = transaction.Command(
                """
                INSERT INTO users (id, email, name, created_at) VALUES ($id, $email, $name, $created);
                INSERT INTO user_identities (provider, subject, user_id) VALUES ($provider, $subject, $id);
                """);
            insert.Parameters.AddWithValue("$id", user.Id.ToString());
            insert.Parameters.AddWithValue("$email", email);
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$created", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$provider", provider);
            insert.Parameters.AddWithValue("$subject", subject);
            insert.ExecuteNonQuery();
            return new UserSignIn(user, Created: true);
        }).WaitAsync(cancellationToken);

    public async Task<UserProfile?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, email, name, created_at FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", userId.ToString());
        return await ReadUserAsync(command, cancellationToken);
    }

    private static async Task<UserProfile?> ReadUserAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    private static UserProfile ReadUser(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture));
}
