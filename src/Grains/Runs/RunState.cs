namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.RunState")]
public sealed class RunState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public Guid OwnerId { get; set; }

    [Id(2)]
    public RunKind Kind { get; set; }

    [Id(3)]
    public RunInput? Input { get; set; }

    /// <summary>Hundredths of a credit held for this run.</summary>
    [Id(4)]
    public long Cost { get; set; }

    [Id(5)]
    public RunStatus Status { get; set; }

    [Id(6)]
    public string Text { get; set; } = string.Empty;

    /// <summary>Where the provider resumes: its stream position after the last saved chunk.</summary>
    [Id(7)]
    public string? Cursor { get; set; }

    /// <summary>Event <c>n</c> is <c>Log[n - 1]</c>.</summary>
    [Id(8)]
    public List<RunLogEntry> Log { get; set; } = [];

    [Id(9)]
    public RunResult? Result { get; set; }

    [Id(10)]
    public RunError? Error { get; set; }

    /// <summary>True once the hold has been captured (completed) or released (failed, cancelled).</summary>
    [Id(11)]
    public bool Settled { get; set; }

    [Id(12)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(13)]
    public DateTimeOffset Deadline { get; set; }
}
