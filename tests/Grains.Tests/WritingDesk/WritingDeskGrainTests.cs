using MpWriter.Grains.Runs;
using MpWriter.Grains.Wallets;
using MpWriter.Grains.WritingDesk;

namespace MpWriter.Grains.Tests.WritingDesk;

[Collection(ClusterCollection.Name)]
public sealed class WritingDeskGrainTests(ClusterFixture fixture)
{
    private static readonly WritingDeskUpdate Update = new("Potholes on Mill Lane have damaged three cars this month.", "Jane Smith", "Anytown North", null);

    [Fact]
    public async Task Save_WithCurrentVersion_StoresTheJobAndBumpsTheVersion()
    {
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(Guid.NewGuid());
        Assert.Null(await desk.Get());

        var first = await desk.Save(Update, 0);
        var second = await desk.Save(Update with { Tone = Tones.Urgent }, first.Job!.Version);

        Assert.Equal(DeskWriteOutcome.Saved, second.Outcome);
        Assert.Equal(first.Job.Version + 1, second.Job!.Version);
        Assert.Equal(Tones.Urgent, (await desk.Get())!.Tone);
    }

    [Fact]
    public async Task Save_WithStaleVersion_IsAConflictAndChangesNothing()
    {
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(Guid.NewGuid());
        var saved = await desk.Save(Update, 0);
        await desk.Save(Update with { MpName = "Someone Else" }, saved.Job!.Version);

        var stale = await desk.Save(Update with { Intake = "lost update" }, saved.Job.Version);

        Assert.Equal(DeskWriteOutcome.VersionConflict, stale.Outcome);
        Assert.Equal("Someone Else", (await desk.Get())!.MpName);
        Assert.Equal(saved.Job.Version + 1, stale.Job!.Version);
    }

    [Fact]
    public async Task Save_InvalidUpdate_IsRefusedAndChangesNothing()
    {
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(Guid.NewGuid());

        Assert.Equal(DeskWriteOutcome.Invalid, (await desk.Save(Update with { Intake = " " }, 0)).Outcome);
        Assert.Equal(DeskWriteOutcome.Invalid, (await desk.Save(Update with { Intake = new string('x', 5_001) }, 0)).Outcome);
        Assert.Equal(DeskWriteOutcome.Invalid, (await desk.Save(Update with { Tone = "sarcastic" }, 0)).Outcome);
        Assert.Null(await desk.Get());
    }

    [Fact]
    public async Task Clear_ThenSaveFromAnOldVersion_IsAConflict()
    {
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(Guid.NewGuid());
        var saved = await desk.Save(Update, 0);

        await desk.Clear(saved.Job!.Version);

        Assert.Null(await desk.Get());
        Assert.Equal(DeskWriteOutcome.VersionConflict, (await desk.Save(Update, saved.Job.Version)).Outcome);
        Assert.Equal(DeskWriteOutcome.Saved, (await desk.Save(Update, 0)).Outcome);
    }

    [Fact]
    public async Task StartLetter_RetriedWithTheSameKey_ReturnsTheSameRunAndChargesOnce()
    {
        var userId = Guid.NewGuid();
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        await wallet.Grant("seed", 100, "test");
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(userId);
        await desk.Save(Update, 0);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => desk.StartLetter(Tones.Neutral, "Ann", "key-1")));

        Assert.Single(attempts, a => a.Outcome == DeskRunOutcome.Started);
        Assert.All(attempts, a => Assert.Equal(attempts[0].RunId, a.RunId));
        Assert.Equal(new WalletBalance(100, 20), await wallet.GetBalance());
        Assert.Equal(attempts[0].RunId, (await desk.Get())!.LetterRunId);
        var other = await desk.StartLetter(Tones.Urgent, "Ann", "key-1");
        Assert.Equal(DeskRunOutcome.IdempotencyConflict, other.Outcome);
    }

    [Fact]
    public async Task StartLetter_WithoutAJobOrCredits_StartsNothing()
    {
        var userId = Guid.NewGuid();
        var desk = fixture.Grains.GetGrain<IWritingDeskGrain>(userId);

        Assert.Equal(DeskRunOutcome.NothingToWrite, (await desk.StartLetter(Tones.Formal, "Ann", null)).Outcome);
        await desk.Save(Update, 0);
        Assert.Equal(DeskRunOutcome.InsufficientCredits, (await desk.StartLetter(Tones.Formal, "Ann", null)).Outcome);
        Assert.Equal(DeskRunOutcome.InvalidTone, (await desk.StartLetter("shouty", "Ann", null)).Outcome);
        Assert.Null((await desk.Get())!.LetterRunId);
    }

    [Fact]
    public void IdempotencyKey_SameUserKindAndKey_AlwaysNamesTheSameRun()
    {
        var user = Guid.NewGuid();

        Assert.Equal(RunIds.FromIdempotencyKey(user, RunKind.Letter, "k"), RunIds.FromIdempotencyKey(user, RunKind.Letter, "k"));
        Assert.NotEqual(RunIds.FromIdempotencyKey(user, RunKind.Letter, "k"), RunIds.FromIdempotencyKey(user, RunKind.Research, "k"));
        Assert.NotEqual(RunIds.FromIdempotencyKey(user, RunKind.Letter, "k"), RunIds.FromIdempotencyKey(Guid.NewGuid(), RunKind.Letter, "k"));
        Assert.Equal(8, RunIds.FromIdempotencyKey(user, RunKind.Letter, "k").Version);
    }
}
