namespace MpWriter.Grains.Wallets;

[GenerateSerializer, Alias("mpwriter.LedgerEntryKind")]
public enum LedgerEntryKind
{
    Grant = 0,
    Reserve = 1,
    Capture = 2,
    Release = 3,
    Expire = 4,
}
