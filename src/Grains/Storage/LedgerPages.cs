using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Storage;

internal static class LedgerPages
{
    /// <summary>Cuts a newest-first read of <c>limit + 1</c> entries into a page and the cursor of the next one.</summary>
    public static LedgerPage Create(List<LedgerEntry> entries, int limit)
    {
        if (entries.Count <= limit)
        {
            return new LedgerPage(entries, null);
        }

        entries.RemoveAt(entries.Count - 1);
        return new LedgerPage(entries, entries[^1].Sequence);
    }
}
