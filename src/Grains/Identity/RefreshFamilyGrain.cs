using Microsoft.Extensions.DependencyInjection;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Identity;

public sealed class RefreshFamilyGrain(
    [PersistentState("refresh", StorageNames.GrainState)] IPersistentState<RefreshFamilyState> state,
    IAuditStore audit,
    IUserStore users,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock) : Grain, IRefreshFamilyGrain
{
    /// <summary>How long the token just replaced still counts as a concurrent request rather than a stolen copy.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    private RefreshFamilyState S => state.State;

    public async Task Begin(Guid userId, string tokenHash, DateTimeOffset expiresAt)
    {
        if (S.CurrentHash is not null)
        {
            throw new InvalidOperationException("This refresh family has already begun.");
        }

        S.UserId = userId;
        S.CurrentHash = tokenHash;
        S.RotatedAt = clock.GetUtcNow();
        S.ExpiresAt = expiresAt;
        await state.WriteStateAsync();
    }

    public async Task<RefreshResult> Rotate(string presentedHash, string nextHash)
    {
        var now = clock.GetUtcNow();
        if (S.CurrentHash is null || S.Revoked)
        {
            return new RefreshResult(RefreshOutcome.Revoked, null);
        }

        if (now >= S.ExpiresAt)
        {
            return new RefreshResult(RefreshOutcome.Expired, null);
        }

        if (presentedHash == S.CurrentHash)
        {
            S.PreviousHash = S.CurrentHash;
            S.CurrentHash = nextHash;
            S.RotatedAt = now;
            await state.WriteStateAsync();
            return new RefreshResult(RefreshOutcome.Rotated, await users.GetAsync(S.UserId));
        }

        if (presentedHash == S.PreviousHash && now - S.RotatedAt < Grace)
        {
            return new RefreshResult(RefreshOutcome.Superseded, null);
        }

        S.Revoked = true;
        await state.WriteStateAsync();
        await audit.AppendAsync([new AuditEvent(now, AuditKinds.RefreshReuse, S.UserId, $"family:{this.GetPrimaryKey():N}", "an old refresh token came back; the family is revoked", null)]);
        return new RefreshResult(RefreshOutcome.Reused, null);
    }

    public async Task Revoke()
    {
        if (S.CurrentHash is not null && !S.Revoked)
        {
            S.Revoked = true;
            await state.WriteStateAsync();
        }
    }
}
