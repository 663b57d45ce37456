namespace MpWriter.Grains.Ai;

public sealed record OfflineLetter(string Subject, string Text);
