using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Identity;

/// <summary>
/// Maps one sign-in identity to its user. The sign-up grant is remembered here, so it is given exactly once even
/// if a crash falls between creating the user and granting.
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
            state.State.UserId = user.Id;
            await state.WriteStateAsync();
            if (signIn.Created)
            {
                LogUserCreated(logger, user.Id, provider);
            }
        }
        else
        {
            user = await users.GetAsync(state.State.UserId)
                ?? throw new InvalidOperationException($"User {state.State.UserId} of identity {provider} is missing.");
        }

        if (!state.State.SignupGranted)
        {
            var grant = credits.Value.SignupGrantHundredths;
            if (grant > 0)
            {
                await GrainFactory.GetGrain<IWalletGrain>(user.Id).Grant("signup", grant, "signup");
            }

            state.State.SignupGranted = true;
            await state.WriteStateAsync();
        }

        await audit.AppendAsync([new AuditEvent(clock.GetUtcNow(), AuditKinds.SignIn, user.Id, provider, null, null)]);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created on first sign-in with {Provider}")]
    private static partial void LogUserCreated(ILogger logger, Guid userId, string provider);
}
