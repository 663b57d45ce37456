namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Immutable, Alias("mpwriter.WalletOperationResult")]
public sealed record WalletOperationResult(
    [property: Id(0)] WalletOutcome Outcome,
    [property: Id(1)] WalletBalance Balance)
{
    public bool Succeeded => Outcome is WalletOutcome.Applied or WalletOutcome.Duplicate;
}
