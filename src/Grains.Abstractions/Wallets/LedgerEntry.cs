namespace MpWriter.Grains.Wallets;

/// <summary>
/// One credit movement. The sum of <see cref="BalanceDelta"/> over a wallet's entries is its balance,
/// and the sum of <see cref="HeldDelta"/> is what it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("mpwriter.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string OperationId,
    [property: Id(2)] LedgerEntryKind Kind,
    [property: Id(3)] long BalanceDelta,
    [property: Id(4)] long HeldDelta,
    [property: Id(5)] long BalanceAfter,
    [property: Id(6)] long HeldAfter,
    [property: Id(7)] string? Source,
    [property: Id(8)] DateTimeOffset At)
{
    /// <summary>Unique per wallet: one operation id moves credits at most once per kind.</summary>
    public string EntryId => $"{OperationId}/{Kind}";
}
