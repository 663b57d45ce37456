namespace MpWriter.Grains.WritingDesk;

[GenerateSerializer, Alias("mpwriter.WritingDeskState")]
public sealed class WritingDeskState
{
    [Id(0)]
    public bool Exists { get; set; }

    /// <summary>Only ever grows, across clears too, so a version from a discarded job never matches a new one.</summary>
    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public string Intake { get; set; } = string.Empty;

    [Id(3)]
    public string MpName { get; set; } = string.Empty;

    [Id(4)]
    public string Constituency { get; set; } = string.Empty;

    [Id(5)]
    public string? Tone { get; set; }

    [Id(6)]
    public Guid? LetterRunId { get; set; }

    [Id(7)]
    public DateTimeOffset UpdatedAt { get; set; }
}
