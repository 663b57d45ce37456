namespace MpWriter.Grains.WritingDesk;

/// <summary>What a user may write to their job. Validated at the edge and again by the grain.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.WritingDeskUpdate")]
public sealed record WritingDeskUpdate(
    [property: Id(0)] string Intake,
    [property: Id(1)] string MpName,
    [property: Id(2)] string Constituency,
    [property: Id(3)] string? Tone)
{
    public const int MaxIntakeLength = 5_000;
    public const int MaxNameLength = 200;

    /// <summary>The first problem with this update, or null when it is acceptable.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Intake))
        {
            return "Describe the issue you are writing about.";
        }

        if (Intake.Length > MaxIntakeLength)
        {
            return $"The description is longer than {MaxIntakeLength:N0} characters.";
        }

        if (MpName is null || MpName.Length > MaxNameLength || Constituency is null || Constituency.Length > MaxNameLength)
        {
            return $"The MP name and constituency must each be at most {MaxNameLength} characters.";
        }

        if (Tone is not null && !Tones.IsValid(Tone))
        {
            return $"Unknown tone; use one of: {string.Join(", ", Tones.All)}.";
        }

        return null;
    }
}
