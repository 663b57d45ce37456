using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Runs;

namespace MpWriter.Grains.Ai;

/// <summary>
/// Drafts without a network: the letter is a pure function of the input, split into fixed word chunks, so the
/// cursor is just the number of chunks already sent.
/// </summary>
public sealed class OfflineDraftingProvider(IOptions<OfflineAiOptions> options, TimeProvider pace) : IDraftingProvider
{
    public async IAsyncEnumerable<DraftChunk> StreamAsync(
        RunKind kind, RunInput input, string? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (kind != RunKind.Letter)
        {
            throw new NotSupportedException($"The offline provider drafts letters only, not {kind}.");
        }

        var letter = OfflineLetterWriter.Write(input);
        var chunks = Split(letter.Text, options.Value.WordsPerDelta);
        var next = cursor is null ? -1 : int.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        if (next < 0)
        {
            yield return new DraftChunk("0", Status: "drafting");
            next = 0;
        }

        var delay = options.Value.DeltaDelay;
        for (var i = next; i < chunks.Count; i++)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, pace, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new DraftChunk((i + 1).ToString(CultureInfo.InvariantCulture), Text: chunks[i]);
        }

        yield return new DraftChunk(
            chunks.Count.ToString(CultureInfo.InvariantCulture),
            Result: new RunResult(letter.Subject, input.Tone, CountWords(letter.Text)));
    }

    /// <summary>Cuts text into runs of <paramref name="wordsPerChunk"/> words, each keeping the white space after it.</summary>
    internal static List<string> Split(string text, int wordsPerChunk)
    {
        var chunks = new List<string>();
        var start = 0;
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (++words == wordsPerChunk || i == text.Length)
            {
                chunks.Add(text[start..i]);
                start = i;
                words = 0;
            }
        }

        return chunks;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
