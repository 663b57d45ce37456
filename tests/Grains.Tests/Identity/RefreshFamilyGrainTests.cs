using MpWriter.Grains.Audit;
using MpWriter.Grains.Identity;
using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Tests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class RefreshFamilyGrainTests(ClusterFixture fixture)
{
    private async Task<(IRefreshFamilyGrain Family, Guid UserId)> BeginAsync(TimeSpan lifetime)
    {
        var user = await fixture.SiloService<IUserStore>().FindOrCreateAsync("local", Guid.NewGuid().ToString("N"), "r@example.com", "R");
        var family = fixture.Grains.GetGrain<IRefreshFamilyGrain>(Guid.NewGuid());
        await family.Begin(user.User.Id, "hash-1", fixture.Clock.GetUtcNow() + lifetime);
        return (family, user.User.Id);
    }

    [Fact]
    public async Task Rotate_CurrentToken_MovesToTheNextAndNamesTheUser()
    {
        var (family, userId) = await BeginAsync(TimeSpan.FromDays(1));

        var first = await family.Rotate("hash-1", "hash-2");
        var second = await family.Rotate("hash-2", "hash-3");

        Assert.Equal((RefreshOutcome.Rotated, userId), (first.Outcome, first.User!.Id));
        Assert.Equal(RefreshOutcome.Rotated, second.Outcome);
    }

    [Fact]
    public async Task Rotate_JustReplacedTokenWithinGrace_IsSupersededNotTheft()
    {
        var (family, _) = await BeginAsync(TimeSpan.FromDays(1));
        await family.Rotate("hash-1", "hash-2");

        Assert.Equal(RefreshOutcome.Superseded, (await family.Rotate("hash-1", "hash-x")).Outcome);
        Assert.Equal(RefreshOutcome.Rotated, (await family.Rotate("hash-2", "hash-3")).Outcome);
    }

    [Fact]
    public async Task Rotate_OldTokenAfterGrace_RevokesTheFamilyAndIsAudited()
    {
        var (family, userId) = await BeginAsync(TimeSpan.FromDays(1));
        await family.Rotate("hash-1", "hash-2");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        var replay = await family.Rotate("hash-1", "hash-x");

        Assert.Equal(RefreshOutcome.Reused, replay.Outcome);
        Assert.Equal(RefreshOutcome.Revoked, (await family.Rotate("hash-2", "hash-3")).Outcome);
        var audit = await fixture.SiloService<IAuditStore>().ReadAsync(userId, 10);
        Assert.Contains(audit, e => e.Kind == AuditKinds.RefreshReuse);
    }

    [Fact]
    public async Task Rotate_PastTheFamilyLifetime_IsExpired()
    {
        var (family, _) = await BeginAsync(TimeSpan.FromHours(1));
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(RefreshOutcome.Expired, (await family.Rotate("hash-1", "hash-2")).Outcome);
    }

    [Fact]
    public async Task Rotate_AfterRevokeOrNeverBegun_IsRevoked()
    {
        var (family, _) = await BeginAsync(TimeSpan.FromDays(1));
        await family.Revoke();

        Assert.Equal(RefreshOutcome.Revoked, (await family.Rotate("hash-1", "hash-2")).Outcome);
        Assert.Equal(RefreshOutcome.Revoked, (await fixture.Grains.GetGrain<IRefreshFamilyGrain>(Guid.NewGuid()).Rotate("x", "y")).Outcome);
    }
}
