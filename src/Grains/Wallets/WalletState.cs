namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Alias("mpwriter.WalletState")]
public sealed class WalletState
{
    [Id(0)]
    public long Balance { get; set; }

    /// <summary>Open holds by operation id.</summary>
    [Id(1)]
    public Dictionary<string, WalletHold> Holds { get; set; } = [];

    /// <summary>The sequence number the next ledger entry gets.</summary>
    [Id(2)]
    public long NextSequence { get; set; } = 1;

    /// <summary>
    /// Ledger entries saved here with the balance they produce and copied to the ledger after; replayed on
    /// activation, so the ledger never misses a movement the balance has.
    /// </summary>
    [Id(3)]
    public List<LedgerEntry> Outbox { get; set; } = [];

    /// <summary>How recent finished operations ended, so retries are answered without touching the ledger.</summary>
    [Id(4)]
    public Dictionary<string, LedgerEntryKind> Recent { get; set; } = [];

    /// <summary><see cref="Recent"/>'s keys, oldest first, to forget the oldest past the window.</summary>
    [Id(5)]
    public Queue<string> RecentOrder { get; set; } = new();

    /// <summary>Whether the hold-expiry reminder is registered.</summary>
    [Id(6)]
    public bool ExpiryReminderRegistered { get; set; }

    public long Held => Holds.Values.Sum(h => h.Amount);

    public WalletBalance ToBalance() => new(Balance, Held);
}
