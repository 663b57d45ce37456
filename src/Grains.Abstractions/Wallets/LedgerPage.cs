namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Immutable, Alias("mpwriter.LedgerPage")]
public sealed record LedgerPage(
    [property: Id(0)] IReadOnlyList<LedgerEntry> Entries,
    [property: Id(1)] long? NextBefore);
