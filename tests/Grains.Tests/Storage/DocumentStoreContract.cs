using MpWriter.Grains.Audit;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Tests.Storage;

/// <summary>What every document-store adapter must do; one subclass per backend runs it.</summary>
public abstract class DocumentStoreContract
{
    protected abstract ILedgerStore Ledger { get; }

    protected abstract IUserStore Users { get; }

    protected abstract IAuditStore Audit { get; }

    /// <summary>Skips the test, saying why, when this backend cannot be reached here.</summary>
    protected virtual void SkipUnlessAvailable()
    {
    }

    private static LedgerEntry Entry(long sequence, string operationId, LedgerEntryKind kind, long balanceDelta) =>
        new(sequence, operationId, kind, balanceDelta, 0, balanceDelta * sequence, 0, "test", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(sequence));

    [SkippableFact]
    public async Task Ledger_AppendTwice_StoresEachEntryOnce()
    {
        SkipUnlessAvailable();
        var user = Guid.NewGuid();
        var entries = new[] { Entry(1, "a", LedgerEntryKind.Grant, 100), Entry(2, "b", LedgerEntryKind.Grant, 5) };

        await Ledger.AppendAsync(user, entries);
        await Ledger.AppendAsync(user, entries);

        var page = await Ledger.ReadAsync(user, null, 10);
        Assert.Equal([2L, 1L], page.Entries.Select(e => e.Sequence));
        Assert.Equal(entries.Reverse(), page.Entries);
    }

    [SkippableFact]
    public async Task Ledger_Contains_FindsByEntryIdPerUser()
    {
        SkipUnlessAvailable();
        var user = Guid.NewGuid();
        await Ledger.AppendAsync(user, [Entry(1, "op", LedgerEntryKind.Reserve, 0)]);

        Assert.True(await Ledger.ContainsAsync(user, "op/Reserve"));
        Assert.False(await Ledger.ContainsAsync(user, "op/Capture"));
        Assert.False(await Ledger.ContainsAsync(Guid.NewGuid(), "op/Reserve"));
    }

    [SkippableFact]
    public async Task Ledger_ReadInPages_WalksBackwardsWithoutOverlap()
    {
        SkipUnlessAvailable();
        var user = Guid.NewGuid();
        await Ledger.AppendAsync(user, Enumerable.Range(1, 7).Select(i => Entry(i, $"op{i}", LedgerEntryKind.Grant, 1)).ToList());

        var first = await Ledger.ReadAsync(user, null, 3);
        var second = await Ledger.ReadAsync(user, first.NextBefore, 3);
        var third = await Ledger.ReadAsync(user, second.NextBefore, 3);

        Assert.Equal([7L, 6L, 5L], first.Entries.Select(e => e.Sequence));
        Assert.Equal([4L, 3L, 2L], second.Entries.Select(e => e.Sequence));
        Assert.Equal([1L], third.Entries.Select(e => e.Sequence));
        Assert.Null(third.NextBefore);
    }

    [SkippableFact]
    public async Task Users_SameIdentityConcurrently_MapToOneUser()
    {
        SkipUnlessAvailable();
        var subject = Guid.NewGuid().ToString("N");

        var signIns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Users.FindOrCreateAsync("local", subject, "ann@example.com", "Ann")));

        Assert.Single(signIns.Select(s => s.User.Id).Distinct());
        Assert.Single(signIns, s => s.Created);
        Assert.Equal("ann@example.com", (await Users.GetAsync(signIns[0].User.Id))!.Email);
    }

    [SkippableFact]
    public async Task Users_SameSubjectOtherProvider_IsAnotherUser()
    {
        SkipUnlessAvailable();
        var subject = Guid.NewGuid().ToString("N");

        var local = await Users.FindOrCreateAsync("local", subject, "a@example.com", "A");
        var google = await Users.FindOrCreateAsync("google", subject, "a@example.com", "A");

        Assert.NotEqual(local.User.Id, google.User.Id);
        Assert.Null(await Users.GetAsync(Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task Audit_EventWithAnId_IsRecordedOnce()
    {
        SkipUnlessAvailable();
        var user = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);
        var once = new AuditEvent(at, AuditKinds.CreditMovement, user, "op", "Grant +1", null, $"ledger:{user:N}:op/Grant");
        var plain = new AuditEvent(at, AuditKinds.SignIn, user, "local", null, "corr");

        await Audit.AppendAsync([once, plain]);
        await Audit.AppendAsync([once, plain]);

        var events = await Audit.ReadAsync(user, 10);
        Assert.Single(events, e => e.Kind == AuditKinds.CreditMovement);
        Assert.Equal(2, events.Count(e => e.Kind == AuditKinds.SignIn));
    }
}
