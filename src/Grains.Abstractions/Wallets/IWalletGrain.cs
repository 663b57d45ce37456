namespace MpWriter.Grains.Wallets;

/// <summary>
/// One user's credit wallet (key: user id). Amounts are integer hundredths of a credit.
/// Every mutation is idempotent on its operation id and appended to the ledger.
/// </summary>
[Alias("mpwriter.wallet")]
public interface IWalletGrain : IGrainWithGuidKey
{
    [Alias("balance")]
    Task<WalletBalance> GetBalance();

    /// <summary>Places a hold of <paramref name="amount"/> if the available balance covers it.</summary>
    [Alias("reserve")]
    Task<WalletOperationResult> Reserve(string operationId, long amount);

    /// <summary>Turns the hold placed by <paramref name="operationId"/> into a charge.</summary>
    [Alias("capture")]
    Task<WalletOperationResult> Capture(string operationId);

    /// <summary>Drops the hold placed by <paramref name="operationId"/> without charging it.</summary>
    [Alias("release")]
    Task<WalletOperationResult> Release(string operationId);

    /// <summary>Adds credits (sign-up grant, purchase).</summary>
    [Alias("grant")]
    Task<WalletOperationResult> Grant(string operationId, long amount, string source);

    /// <summary>Ledger entries newest first, older than <paramref name="beforeSequence"/> when given.</summary>
    [Alias("ledger")]
    Task<LedgerPage> GetLedger(long? beforeSequence, int limit);
}
