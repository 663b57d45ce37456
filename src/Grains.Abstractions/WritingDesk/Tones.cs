namespace MpWriter.Grains.WritingDesk;

/// <summary>The letter tones, in the spelling the HTTP API and the run input use.</summary>
public static class Tones
{
    public const string Formal = "formal";
    public const string PoliteButFirm = "polite_but_firm";
    public const string Empathetic = "empathetic";
    public const string Urgent = "urgent";
    public const string Neutral = "neutral";
    public const string HighlyPersuasive = "highly_persuasive";

    public static IReadOnlyList<string> All { get; } = [Formal, PoliteButFirm, Empathetic, Urgent, Neutral, HighlyPersuasive];

    public static bool IsValid(string? tone) => tone is not null && All.Contains(tone, StringComparer.Ordinal);
}
