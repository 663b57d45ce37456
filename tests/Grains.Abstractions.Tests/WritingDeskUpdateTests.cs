using MpWriter.Grains.WritingDesk;

namespace MpWriter.Grains.Abstractions.Tests;

public sealed class WritingDeskUpdateTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("  \n ", null)]
    [InlineData("fine", "loud")]
    public void Validate_BadUpdate_SaysWhatIsWrong(string intake, string? tone)
    {
        Assert.NotNull(new WritingDeskUpdate(intake, "", "", tone).Validate());
    }

    [Fact]
    public void Validate_LimitsAreInclusive()
    {
        Assert.Null(new WritingDeskUpdate(new string('a', 5_000), new string('m', 200), "", Tones.HighlyPersuasive).Validate());
        Assert.NotNull(new WritingDeskUpdate(new string('a', 5_001), "", "", null).Validate());
        Assert.NotNull(new WritingDeskUpdate("a", new string('m', 201), "", null).Validate());
    }

    [Fact]
    public void Tones_AreTheSixArchitectureTones()
    {
        Assert.Equal(["formal", "polite_but_firm", "empathetic", "urgent", "neutral", "highly_persuasive"], Tones.All);
        Assert.False(Tones.IsValid("Formal"));
        Assert.False(Tones.IsValid(null));
    }
}
