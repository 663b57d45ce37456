namespace MpWriter.Grains.Wallets;

/// <summary>A wallet's balance and the part of it held by unfinished runs, in hundredths of a credit.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.WalletBalance")]
public sealed record WalletBalance([property: Id(0)] long Balance, [property: Id(1)] long Held)
{
    public long Available => Balance - Held;
}
