using MpWriter.Grains.Ai;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Runs;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;
using MpWriter.Grains.WritingDesk;

namespace MpWriter.Grains.Tests.Runs;

[Collection(ClusterCollection.Name)]
public sealed class RunGrainTests(ClusterFixture fixture)
{
    private const long LetterCost = 20;

    private static RunInput Input(string tone = Tones.Formal) => new(
        "The number 42 bus was withdrawn in March.\n\nPeople in the village can no longer reach the hospital without a car.",
        "Jane Smith",
        "Anytown North",
        tone,
        "Ann Example");

    private async Task<(Guid UserId, IWalletGrain Wallet)> FundedUserAsync(long credits = 300)
    {
        var userId = Guid.NewGuid();
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(userId);
        await wallet.Grant("seed", credits, "test");
        return (userId, wallet);
    }

    private async Task<(IRunGrain Run, StartRunResult Started)> StartAsync(Guid userId, RunKind kind = RunKind.Letter, RunInput? input = null)
    {
        var run = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        var started = await run.Start(new StartRunRequest(userId, kind, input ?? Input(), LetterCost));
        return (run, started);
    }

    [Fact]
    public async Task Follow_FromEveryPosition_ReproducesTheSameTextWithoutGapsOrDuplicates()
    {
        var (userId, _) = await FundedUserAsync();
        var (run, started) = await StartAsync(userId);
        Assert.Equal(StartRunOutcome.Started, started.Outcome);
        var full = await RunFollower.FollowToEndAsync(run, userId);
        var expected = OfflineLetterWriter.Write(Input()).Text;
        Assert.Equal(expected, RunFollower.Apply(string.Empty, full));
        Assert.Equal(Enumerable.Range(1, full.Count).Select(i => (long)i), full.Select(e => e.Seq));
        Assert.True(full.Count > ClusterFixture.ReplayWindow * 3, "the letter should be long enough to exercise snapshots");

        var textAfter = new string[full.Count + 1];
        textAfter[0] = string.Empty;
        for (var i = 0; i < full.Count; i++)
        {
            textAfter[i + 1] = RunFollower.Apply(textAfter[i], [full[i]]);
        }

        for (var after = 0; after <= full.Count; after++)
        {
            var events = await RunFollower.FollowToEndAsync(run, userId, after);

            Assert.Equal(expected, RunFollower.Apply(textAfter[after], events));
            var seqs = events.Select(e => e.Seq).ToList();
            Assert.Equal(seqs.Distinct().Order(), seqs);
            var gapped = full.Count - after > ClusterFixture.ReplayWindow;
            if (gapped)
            {
                Assert.Equal(RunEventType.Snapshot, events[0].Type);
                Assert.Equal([full.Count - 1, full.Count], seqs);
            }
            else
            {
                Assert.Equal(Enumerable.Range(after + 1, full.Count - after).Select(i => (long)i), seqs);
            }
        }
    }

    [Fact]
    public async Task Follow_ManyFollowersJoiningMidRun_AllSeeTheWholeLetter()
    {
        var (userId, _) = await FundedUserAsync();
        var (run, _) = await StartAsync(userId, input: Input(Tones.Urgent));
        var joins = new List<Task<(long After, string Text)>>();
        var first = RunFollower.FollowToEndAsync(run, userId, onEvent: e =>
        {
            if (e.Seq % 5 == 0)
            {
                var after = e.Seq;
                joins.Add(Task.Run(async () => (after, RunFollower.Apply(string.Empty, await RunFollower.FollowToEndAsync(run, userId)))));
            }

            return Task.CompletedTask;
        });
        var expected = OfflineLetterWriter.Write(Input(Tones.Urgent)).Text;

        Assert.Equal(expected, RunFollower.Apply(string.Empty, await first));
        Assert.NotEmpty(joins);
        Assert.All(await Task.WhenAll(joins), j => Assert.Equal(expected, j.Text));
    }

    [Fact]
    public async Task Run_DeactivatedMidGeneration_CompletesTheSameLetterOnTheNextActivation()
    {
        var (userId, wallet) = await FundedUserAsync();
        var (run, _) = await StartAsync(userId, input: Input(Tones.Empathetic));
        long[] deactivateAt = [12, 40];
        var deactivations = 0;

        // Thresholds, not exact ids: a follower that joins late starts from a snapshot past the first ones.
        var events = await RunFollower.FollowToEndAsync(run, userId, onEvent: async e =>
        {
            if (deactivations < deactivateAt.Length && e.Seq >= deactivateAt[deactivations] && e.Type != RunEventType.Complete)
            {
                deactivations++;
                await fixture.Cluster.DeactivateAsync(run);
            }
        });

        Assert.Equal(2, deactivations);
        Assert.Equal(OfflineLetterWriter.Write(Input(Tones.Empathetic)).Text, RunFollower.Apply(string.Empty, events));
        var seqs = events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(i => (long)i), seqs);
        Assert.Equal(RunEventType.Complete, events[^1].Type);
        Assert.Equal(new WalletBalance(300 - LetterCost, 0), await wallet.GetBalance());
        Assert.Single(await LedgerAsync(userId), e => e.Kind == LedgerEntryKind.Capture);
    }

    [Fact]
    public async Task Run_Succeeded_CapturesTheHoldOnceAndARepeatedStartChargesNothing()
    {
        var (userId, wallet) = await FundedUserAsync();
        var (run, started) = await StartAsync(userId);
        Assert.Equal(StartRunOutcome.Started, started.Outcome);
        // The letter takes hundreds of milliseconds to stream, so the hold is still open here.
        Assert.Equal(new WalletBalance(300, LetterCost), await wallet.GetBalance());
        await RunFollower.FollowToEndAsync(run, userId);

        var again = await run.Start(new StartRunRequest(userId, RunKind.Letter, Input(), LetterCost));

        Assert.Equal(StartRunOutcome.AlreadyStarted, again.Outcome);
        Assert.Equal(RunStatus.Completed, again.Run!.Status);
        Assert.Equal(new WalletBalance(300 - LetterCost, 0), await wallet.GetBalance());
        var ledger = await LedgerAsync(userId);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Reserve);
        Assert.Single(ledger, e => e.Kind == LedgerEntryKind.Capture);
    }

    [Fact]
    public async Task Run_Cancelled_ReleasesTheHoldAndTellsFollowersItWasRefunded()
    {
        var (userId, wallet) = await FundedUserAsync();
        var (run, _) = await StartAsync(userId);
        // Straight after starting: the letter takes hundreds of milliseconds to stream.
        Assert.Equal(CancelRunOutcome.Cancelled, await run.Cancel(userId));

        var events = await RunFollower.FollowToEndAsync(run, userId);

        var error = Assert.Single(events, e => e.Type == RunEventType.Error).Error!;
        Assert.Equal(("cancelled", true), (error.Code, error.Refunded));
        Assert.Equal(RunStatus.Cancelled, (await run.GetSnapshot(userId))!.Status);
        Assert.Equal(new WalletBalance(300, 0), await wallet.GetBalance());
        Assert.Equal(CancelRunOutcome.AlreadyFinished, await run.Cancel(userId));
    }

    [Fact]
    public async Task Run_GenerationFails_ReleasesTheHoldAndEndsWithARefundedError()
    {
        var (userId, wallet) = await FundedUserAsync();
        // The offline provider only drafts letters, so a follow-ups run fails once generation begins.
        var (run, started) = await StartAsync(userId, RunKind.FollowUps);
        Assert.Equal(StartRunOutcome.Started, started.Outcome);

        var events = await RunFollower.FollowToEndAsync(run, userId);

        Assert.Equal(RunEventType.Error, events[^1].Type);
        Assert.Equal(("generation_failed", true), (events[^1].Error!.Code, events[^1].Error!.Refunded));
        Assert.Equal(RunStatus.Failed, (await run.GetSnapshot(userId))!.Status);
        Assert.Equal(new WalletBalance(300, 0), await wallet.GetBalance());
        Assert.Contains(await LedgerAsync(userId), e => e.Kind == LedgerEntryKind.Release);
    }

    [Fact]
    public async Task Start_WithoutEnoughCredits_RefusesAndCreatesNothing()
    {
        var (userId, wallet) = await FundedUserAsync(credits: LetterCost - 1);

        var (run, started) = await StartAsync(userId);

        Assert.Equal(StartRunOutcome.InsufficientCredits, started.Outcome);
        Assert.Null(await run.GetSnapshot(userId));
        Assert.Equal(new WalletBalance(LetterCost - 1, 0), await wallet.GetBalance());
    }

    [Fact]
    public async Task Start_SameRunWithDifferentInput_IsAConflictAndChargesNothing()
    {
        var (userId, wallet) = await FundedUserAsync();
        var (run, _) = await StartAsync(userId);

        var other = await run.Start(new StartRunRequest(userId, RunKind.Letter, Input(Tones.Urgent), LetterCost));

        Assert.Equal(StartRunOutcome.Conflict, other.Outcome);
        await RunFollower.FollowToEndAsync(run, userId);
        Assert.Equal(new WalletBalance(300 - LetterCost, 0), await wallet.GetBalance());
    }

    [Fact]
    public async Task Run_OfAnotherUser_LooksLikeNoRunAtAll()
    {
        var (owner, _) = await FundedUserAsync();
        var (stranger, _) = await FundedUserAsync();
        var (run, _) = await StartAsync(owner);

        Assert.Null(await run.GetSnapshot(stranger));
        Assert.Empty(await RunFollower.FollowToEndAsync(run, stranger));
        Assert.Equal(CancelRunOutcome.NotFound, await run.Cancel(stranger));
        var denied = await fixture.SiloService<IAuditStore>().ReadAsync(stranger, 10);
        Assert.Equal(["cancel", "follow", "read"], denied.Where(e => e.Kind == AuditKinds.PermissionDenied).Select(e => e.Detail));
        await RunFollower.FollowToEndAsync(run, owner);
        Assert.Equal(RunStatus.Completed, (await run.GetSnapshot(owner))!.Status);
    }

    private async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(Guid userId) =>
        (await fixture.SiloService<ILedgerStore>().ReadAsync(userId, null, 200)).Entries;
}
