using MpWriter.Grains.Ai;
using MpWriter.Grains.Runs;
using MpWriter.Grains.WritingDesk;

namespace MpWriter.Grains.Tests.Ai;

public sealed class OfflineLetterWriterTests
{
    private static RunInput Input(string tone) => new(
        "Our local library is closing on Saturdays.  It is the only place many children can study.\n\nPlease help keep it open.",
        "Jane Smith MP",
        "Anytown North",
        tone,
        "Ann Example");

    [Fact]
    public void Write_SameInput_GivesTheSameLetter()
    {
        Assert.Equal(OfflineLetterWriter.Write(Input(Tones.Formal)), OfflineLetterWriter.Write(Input(Tones.Formal)));
    }

    [Fact]
    public void Write_EachTone_ReadsDifferently()
    {
        var letters = Tones.All.Select(t => OfflineLetterWriter.Write(Input(t)).Text).ToList();

        Assert.Equal(Tones.All.Count, letters.Distinct().Count());
        Assert.All(letters, l => Assert.StartsWith("Dear Jane Smith MP,", l, StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Contains("It is the only place many children can study.", l, StringComparison.Ordinal));
        Assert.All(letters, l => Assert.EndsWith("Ann Example", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_LongFirstSentence_CutsTheSubjectAtAWord()
    {
        var input = Input(Tones.Neutral) with { Intake = string.Join(' ', Enumerable.Repeat("overgrown", 30)) };

        var subject = OfflineLetterWriter.Write(input).Subject;

        Assert.True(subject.Length <= 80, subject);
        Assert.EndsWith("overgrown...", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_AnyChunkSize_JoinsBackToTheText()
    {
        var text = OfflineLetterWriter.Write(Input(Tones.Urgent)).Text;
        foreach (var size in new[] { 1, 2, 3, 7, 1000 })
        {
            var chunks = OfflineDraftingProvider.Split(text, size);
            Assert.Equal(text, string.Concat(chunks));
            Assert.All(chunks, c => Assert.NotEmpty(c));
        }
    }
}
