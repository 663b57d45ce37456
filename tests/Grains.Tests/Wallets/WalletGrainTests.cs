using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Tests.Wallets;

[Collection(ClusterCollection.Name)]
public sealed class WalletGrainTests(ClusterFixture fixture)
{
    private IWalletGrain NewWallet(out Guid userId)
    {
        userId = Guid.NewGuid();
        return fixture.Grains.GetGrain<IWalletGrain>(userId);
    }

    [Fact]
    public async Task Reserve_FiveHundredConcurrentAgainstBalanceCoveringThirtySeven_HoldsExactlyThirtySeven()
    {
        var wallet = NewWallet(out _);
        await wallet.Grant("seed", 37 * 20 + 19, "test");

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => wallet.Reserve($"op-{i}", 20)));

        Assert.Equal(37, results.Count(r => r.Outcome == WalletOutcome.Applied));
        Assert.Equal(463, results.Count(r => r.Outcome == WalletOutcome.InsufficientCredits));
        Assert.All(results, r => Assert.True(r.Balance.Available >= 0, $"available went to {r.Balance.Available}"));
        var balance = await wallet.GetBalance();
        Assert.Equal(new WalletBalance(37 * 20 + 19, 37 * 20), balance);
        Assert.Equal(19, balance.Available);
    }

    [Fact]
    public async Task Operations_ReplayedWithSameIds_ChangeNothing()
    {
        var wallet = NewWallet(out var userId);
        Assert.Equal(WalletOutcome.Applied, (await wallet.Grant("purchase-1", 500, "purchase")).Outcome);
        Assert.Equal(WalletOutcome.Applied, (await wallet.Reserve("run-a", 70)).Outcome);
        Assert.Equal(WalletOutcome.Applied, (await wallet.Reserve("run-b", 20)).Outcome);
        Assert.Equal(WalletOutcome.Applied, (await wallet.Capture("run-a")).Outcome);
        Assert.Equal(WalletOutcome.Applied, (await wallet.Release("run-b")).Outcome);
        var before = await wallet.GetBalance();
        var ledgerBefore = await LedgerAsync(userId);

        var replays = new[]
        {
            await wallet.Grant("purchase-1", 500, "purchase"),
            await wallet.Reserve("run-a", 70),
            await wallet.Reserve("run-b", 20),
            await wallet.Capture("run-a"),
            await wallet.Release("run-b"),
        };

        Assert.All(replays, r => Assert.Equal(WalletOutcome.Duplicate, r.Outcome));
        Assert.Equal(before, await wallet.GetBalance());
        Assert.Equal(new WalletBalance(430, 0), before);
        Assert.Equal(ledgerBefore.Count, (await LedgerAsync(userId)).Count);
        Assert.Equal(WalletOutcome.AlreadyCaptured, (await wallet.Release("run-a")).Outcome);
        Assert.Equal(WalletOutcome.NotHeld, (await wallet.Capture("run-b")).Outcome);
    }

    [Fact]
    public async Task Grant_ReplayedAfterLeavingRecentWindow_IsStillDuplicate()
    {
        var wallet = NewWallet(out _);
        await wallet.Grant("purchase-old", 100, "purchase");
        for (var i = 0; i < WalletGrain.RecentWindow; i++)
        {
            await wallet.Grant($"filler-{i}", 1, "test");
        }

        var replay = await wallet.Grant("purchase-old", 100, "purchase");

        Assert.Equal(WalletOutcome.Duplicate, replay.Outcome);
        Assert.Equal(100 + WalletGrain.RecentWindow, replay.Balance.Balance);
    }

    [Fact]
    public async Task Holds_PastTheirTimeout_AreReleasedAndCannotBeCaptured()
    {
        var wallet = NewWallet(out var userId);
        await wallet.Grant("seed", 100, "test");
        await wallet.Reserve("forgotten", 60);
        fixture.Clock.Advance(ClusterFixture.HoldTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(60, (await wallet.GetBalance()).Held);

        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new WalletBalance(100, 0), await wallet.GetBalance());
        Assert.Equal(WalletOutcome.NotHeld, (await wallet.Capture("forgotten")).Outcome);
        var ledger = await LedgerAsync(userId);
        Assert.Contains(ledger, e => e is { Kind: LedgerEntryKind.Expire, OperationId: "forgotten", HeldDelta: -60 });
    }

    [Fact]
    public async Task Ledger_AfterConcurrentMixedOperations_SumsToBalanceAndHeld()
    {
        var wallet = NewWallet(out var userId);
        await wallet.Grant("seed", 1_000, "test");
        var random = new Random(42);
        var plan = Enumerable.Range(0, 120).Select(i => (Id: $"op-{i}", Amount: random.Next(1, 60), Settle: random.Next(3))).ToList();

        await Task.WhenAll(plan.Select(async p =>
        {
            if ((await wallet.Reserve(p.Id, p.Amount)).Outcome != WalletOutcome.Applied)
            {
                return;
            }

            _ = p.Settle switch
            {
                0 => await wallet.Capture(p.Id),
                1 => await wallet.Release(p.Id),
                _ => null,
            };
        }));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => wallet.Grant($"top-up-{i}", 25, "test")));

        var balance = await wallet.GetBalance();
        var ledger = await LedgerAsync(userId);
        Assert.Equal(balance.Balance, ledger.Sum(e => e.BalanceDelta));
        Assert.Equal(balance.Held, ledger.Sum(e => e.HeldDelta));
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence).Order());
        Assert.True(balance.Available >= 0);
    }

    [Fact]
    public async Task Wallet_NewActivation_KeepsBalanceHoldsAndLedger()
    {
        var wallet = NewWallet(out var userId);
        await wallet.Grant("seed", 300, "test");
        await wallet.Reserve("hold", 120);

        await fixture.Cluster.DeactivateAsync(wallet);

        Assert.Equal(new WalletBalance(300, 120), await wallet.GetBalance());
        Assert.Equal(WalletOutcome.Applied, (await wallet.Capture("hold")).Outcome);
        Assert.Equal(180, (await LedgerAsync(userId)).Sum(e => e.BalanceDelta));
    }

    [Fact]
    public async Task Reserve_ZeroOrNegativeAmount_IsRefusedAndChangesNothing()
    {
        var wallet = NewWallet(out var userId);
        await wallet.Grant("seed", 100, "test");

        Assert.Equal(WalletOutcome.InvalidAmount, (await wallet.Reserve("zero", 0)).Outcome);
        Assert.Equal(WalletOutcome.InvalidAmount, (await wallet.Grant("negative", -5, "test")).Outcome);

        Assert.Equal(new WalletBalance(100, 0), await wallet.GetBalance());
        Assert.Single(await LedgerAsync(userId));
    }

    private async Task<List<LedgerEntry>> LedgerAsync(Guid userId)
    {
        var store = fixture.SiloService<ILedgerStore>();
        var entries = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var page = await store.ReadAsync(userId, before, 200);
            entries.AddRange(page.Entries);
            before = page.NextBefore;
        }
        while (before is not null);

        return entries;
    }
}
