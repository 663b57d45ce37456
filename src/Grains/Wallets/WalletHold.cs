namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Alias("mpwriter.WalletHold")]
public sealed record WalletHold(
    [property: Id(0)] long Amount,
    [property: Id(1)] DateTimeOffset ExpiresAt);
