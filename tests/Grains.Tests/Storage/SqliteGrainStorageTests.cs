using Microsoft.Extensions.DependencyInjection;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;
using Orleans.Storage;

namespace MpWriter.Grains.Tests.Storage;

[Collection(ClusterCollection.Name)]
public sealed class SqliteGrainStorageTests(ClusterFixture fixture)
{
    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);

    private static GrainId NewGrainId() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Write_ThenRead_RoundTripsStateAndETag()
    {
        var id = NewGrainId();
        var state = new GrainState<WalletState>(new WalletState { Balance = 42 });

        await Storage.WriteStateAsync("wallet", id, state);
        var read = new GrainState<WalletState>();
        await Storage.ReadStateAsync("wallet", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(42, read.State!.Balance);
    }

    [Fact]
    public async Task Write_WithStaleETag_ThrowsInconsistentStateAndKeepsTheWinner()
    {
        var id = NewGrainId();
        var first = new GrainState<WalletState>(new WalletState { Balance = 1 });
        await Storage.WriteStateAsync("wallet", id, first);
        var second = new GrainState<WalletState>(new WalletState { Balance = 2 }) { ETag = first.ETag };
        await Storage.WriteStateAsync("wallet", id, second);

        first.State!.Balance = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("wallet", id, first));

        var read = new GrainState<WalletState>();
        await Storage.ReadStateAsync("wallet", id, read);
        Assert.Equal(2, read.State!.Balance);
    }

    [Fact]
    public async Task Write_NewRecordTwice_SecondInsertConflicts()
    {
        var id = NewGrainId();
        await Storage.WriteStateAsync("wallet", id, new GrainState<WalletState>(new WalletState()));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync("wallet", id, new GrainState<WalletState>(new WalletState())));
    }

    [Fact]
    public async Task Clear_WithCurrentETag_RemovesTheRecord()
    {
        var id = NewGrainId();
        var state = new GrainState<WalletState>(new WalletState { Balance = 9 });
        await Storage.WriteStateAsync("wallet", id, state);
        var stale = new GrainState<WalletState>(new WalletState()) { ETag = "stale" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("wallet", id, stale));
        await Storage.ClearStateAsync("wallet", id, state);

        var read = new GrainState<WalletState>();
        await Storage.ReadStateAsync("wallet", id, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }
}
