using System.Globalization;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.Abstractions.Tests;

public sealed class CreditAmountTests
{
    [Theory]
    [InlineData(280, "2.80")]
    [InlineData(0, "0.00")]
    [InlineData(-20, "-0.20")]
    [InlineData(1_234_567, "12345.67")]
    public void ToDecimal_Hundredths_KeepsTwoDecimalPlaces(long hundredths, string expected)
    {
        Assert.Equal(expected, CreditAmount.ToDecimal(hundredths).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("0.20", 20L)]
    [InlineData("3", 300L)]
    [InlineData("12.49", 1249L)]
    [InlineData("0.205", null)]
    public void FromDecimal_MoreThanTwoPlaces_IsRefused(string credits, long? expected)
    {
        Assert.Equal(expected, CreditAmount.FromDecimal(decimal.Parse(credits, CultureInfo.InvariantCulture)));
    }
}
