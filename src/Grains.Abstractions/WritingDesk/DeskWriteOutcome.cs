namespace MpWriter.Grains.WritingDesk;

[GenerateSerializer, Alias("mpwriter.DeskWriteOutcome")]
public enum DeskWriteOutcome
{
    Saved = 0,
    VersionConflict = 1,
    Invalid = 2,
}
