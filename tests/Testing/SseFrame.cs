using System.Text;

namespace MpWriter.Testing;

/// <summary>One SSE frame exactly as it crossed the wire: its fields in order and any comment lines.</summary>
public sealed record SseFrame(string? Id, string? Event, string? Data, string? Retry, IReadOnlyList<string> Comments, IReadOnlyList<string> Lines)
{
    /// <summary>Reads frames from an SSE body until it ends, <paramref name="stopAfter"/> says stop, or the token fires.</summary>
    public static async Task<List<SseFrame>> ReadAsync(Stream body, Func<SseFrame, bool>? stopAfter = null, CancellationToken cancellationToken = default)
    {
        var frames = new List<SseFrame>();
        using var reader = new StreamReader(body, Encoding.UTF8);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
                continue;
            }

            var frame = Parse(lines);
            lines = [];
            frames.Add(frame);
            if (stopAfter?.Invoke(frame) == true)
            {
                break;
            }
        }

        return frames;
    }

    private static SseFrame Parse(List<string> lines)
    {
        string? Field(string name) => lines.Where(l => l.StartsWith(name + ": ", StringComparison.Ordinal)).Select(l => l[(name.Length + 2)..]).SingleOrDefault();
        var comments = lines.Where(l => l.StartsWith(':')).ToList();
        return new SseFrame(Field("id"), Field("event"), Field("data"), Field("retry"), comments, lines);
    }
}
