namespace MpWriter.Grains.Wallets;

/// <summary>Credits travel as integer hundredths; this converts at the edges only.</summary>
public static class CreditAmount
{
    /// <summary>Hundredths as a decimal with exactly two places (280 → 2.80), so JSON shows "2.80".</summary>
    public static decimal ToDecimal(long hundredths) => hundredths * 0.01m;

    /// <summary>A credit amount to hundredths; null when it has more than two decimal places or is out of range.</summary>
    public static long? FromDecimal(decimal credits)
    {
        var hundredths = credits * 100m;
        if (hundredths != decimal.Truncate(hundredths) || hundredths > long.MaxValue || hundredths < long.MinValue)
        {
            return null;
        }

        return (long)hundredths;
    }
}
