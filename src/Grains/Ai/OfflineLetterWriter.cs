using System.Text;
using MpWriter.Grains.Runs;
using MpWriter.Grains.WritingDesk;

namespace MpWriter.Grains.Ai;

/// <summary>
/// Composes a letter to an MP from the user's own words. Deterministic: the same input always gives the same
/// letter, which is what lets a resumed run continue at its cursor.
/// </summary>
public static class OfflineLetterWriter
{
    public static OfflineLetter Write(RunInput input)
    {
        var voice = Voice.For(input.Tone);
        var mp = string.IsNullOrWhiteSpace(input.MpName) ? null : input.MpName.Trim();
        var place = string.IsNullOrWhiteSpace(input.Constituency) ? "your constituency" : input.Constituency.Trim();
        var paragraphs = Paragraphs(input.Intake);
        var subject = Subject(paragraphs[0]);

        var text = new StringBuilder();
        text.Append(mp is null ? "Dear Member of Parliament," : $"Dear {mp},").Append("\n\n");
        text.Append("Re: ").Append(subject).Append("\n\n");
        text.Append(string.Format(voice.Opening, place)).Append("\n\n");
        text.Append(voice.Lead).Append(' ').Append(paragraphs[0]).Append("\n\n");
        foreach (var paragraph in paragraphs.Skip(1))
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append(voice.Impact).Append("\n\n");
        text.Append(voice.Ask).Append("\n\n");
        text.Append(voice.Closing).Append("\n\n");
        text.Append(voice.SignOff).Append('\n');
        text.Append(string.IsNullOrWhiteSpace(input.SenderName) ? "A constituent" : input.SenderName.Trim());
        return new OfflineLetter(subject, text.ToString());
    }

    /// <summary>The user's text as paragraphs with white space tidied; never empty.</summary>
    private static List<string> Paragraphs(string intake)
    {
        var paragraphs = intake
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0)
            .Select(EndSentence)
            .ToList();
        return paragraphs.Count > 0 ? paragraphs : ["I would like to raise an issue that affects me."];
    }

    private static string EndSentence(string paragraph) =>
        paragraph[^1] is '.' or '!' or '?' ? paragraph : paragraph + ".";

    /// <summary>The first sentence, cut at a word boundary to a subject line's length.</summary>
    private static string Subject(string firstParagraph)
    {
        var end = firstParagraph.IndexOfAny(['.', '!', '?']);
        var sentence = (end > 0 ? firstParagraph[..end] : firstParagraph).Trim();
        if (sentence.Length <= 80)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', 77);
        return (cut > 20 ? sentence[..cut] : sentence[..77]) + "...";
    }

    private sealed record Voice(string Opening, string Lead, string Impact, string Ask, string Closing, string SignOff)
    {
        public static Voice For(string tone) => tone switch
        {
            Tones.PoliteButFirm => new(
                "I am writing to you as a constituent in {0} about a matter that I believe needs your attention and, more than that, your action.",
                "Put plainly:",
                "I have raised this before through other routes without a satisfactory answer, and I do not think it is reasonable for it to continue unaddressed.",
                "I would be grateful if you would tell me what specific steps you will take on this, and by when. I look forward to a substantive reply rather than an acknowledgement.",
                "Thank you for taking this seriously.",
                "Yours sincerely,"),
            Tones.Empathetic => new(
                "I hope this letter finds you well. As one of the people you represent in {0}, I wanted to share something that has weighed on me and on others around me.",
                "This is what has been happening:",
                "Behind this are real people who are worried and tired, and I believe a little understanding from those in a position to help would make a genuine difference.",
                "I would be so grateful if you could look into this, and let me know whether there is anything you are able to do or anyone you could speak to on our behalf.",
                "Thank you for reading this and for the care you bring to your work for the people of this area.",
                "With thanks and best wishes,"),
            Tones.Urgent => new(
                "I am writing to you as a matter of urgency. As your constituent in {0}, I ask for your immediate attention to the following.",
                "The situation is this:",
                "Every week this goes on the harm grows, and some of it may not be reversible. This cannot wait for the usual timescales.",
                "I ask you to raise this without delay with the minister or body responsible, and to let me know within the next fortnight what action has been taken.",
                "Thank you for acting quickly on this.",
                "Yours sincerely,"),
            Tones.Neutral => new(
                "I am a constituent in {0} and I am writing to bring the following issue to your attention.",
                "The issue is as follows.",
                "I would welcome your view on the matter and on how it is being handled.",
                "Could you let me know whether you are aware of this issue, and what, if anything, you are able to do about it?",
                "Thank you for your time.",
                "Yours sincerely,"),
            Tones.HighlyPersuasive => new(
                "As your constituent in {0}, I am writing to ask you to champion an issue that matters to many of the people you represent, and on which your voice could make a real difference.",
                "Consider what is happening:",
                "Acting on this is the right thing to do, it is popular with those affected, and it is achievable. Few issues offer such a clear chance to improve lives here so directly.",
                "I urge you to take this up: raise it in Parliament, press the responsible minister, and stand with those of us asking for change. I would be glad to hear that I can count on your support.",
                "Thank you. I hope to see you lead on this.",
                "Yours sincerely,"),
            _ => new(
                "I am writing to you as a constituent in {0} regarding a matter of public concern.",
                "The matter is as follows.",
                "I believe this warrants consideration by those responsible, and I would be grateful for your assessment of it.",
                "I would therefore respectfully ask that you raise this matter with the relevant department and inform me of any response you receive.",
                "Thank you for your attention to this matter.",
                "Yours sincerely,"),
        };
    }
}
