namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Alias("mpwriter.WalletOutcome")]
public enum WalletOutcome
{
    /// <summary>The operation changed the wallet.</summary>
    Applied = 0,

    /// <summary>The operation id was seen before; nothing changed.</summary>
    Duplicate = 1,

    /// <summary>The available balance does not cover the reservation; nothing changed.</summary>
    InsufficientCredits = 2,

    /// <summary>There is no open hold with that operation id (unknown, released or expired).</summary>
    NotHeld = 3,

    /// <summary>The hold was already captured, so it cannot be released.</summary>
    AlreadyCaptured = 4,

    /// <summary>The amount is zero or negative.</summary>
    InvalidAmount = 5,
}
