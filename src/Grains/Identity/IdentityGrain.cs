using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Identity;

/// <summary>
/// Maps one sign-in identity to its user, remembering the user id so later sign-ins skip the user lookup-or-create.
/// The sign-up grant is given with the first sign-in, exactly once by the wallet's idempotency.
/// </summary>
public sealed partial class IdentityGrain(
    [PersistentState("identity", StorageNames.GrainState)] IPersistentState<IdentityState> state,
    IUserStore users,
    IAuditStore audit,
    IOptions<CreditsOptions> credits,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock,
    ILogger<IdentityGrain> logger) : Grain, IIdentityGrain
{
    public async Task<UserProfile> SignIn(string email, string name)
    {
        var (provider, subject) = IdentityKeys.Parse(this.GetPrimaryKeyString());
        UserProfile user;
        if (state.State.UserId == Guid.Empty)
        {
            var signIn = await users.FindOrCreateAsync(provider, subject, email, name);
            user = signIn.User;
            if (signIn.Created)
            {
                LogUserCreated(logger, user.Id, provider);
            }

            // Granted before the user id is saved: after a crash in between, the next sign-in grants again and the
            // wallet answers Duplicate, since "signup" is the grant's operation id.
            var grant = credits.Value.SignupGrantHundredths;
            if (grant > 0)
            {
                await GrainFactory.GetGrain<IWalletGrain>(user.Id).Grant("signup", grant, "signup");
            }

            state.State.UserId = user.Id;
            await state.WriteStateAsync();
        }
        else
        {
            user = await users.GetAsync(state.State.UserId)
                ?? throw new InvalidOperationException($"User {state.State.UserId} of identity {provider} is missing.");
        }

        await audit.AppendAsync([new AuditEvent(clock.GetUtcNow(), AuditKinds.SignIn, user.Id, provider, null, null)]);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created on first sign-in with {Provider}")]
    private static partial void LogUserCreated(ILogger logger, Guid userId, string provider);
}
