namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.CancelRunOutcome")]
public enum CancelRunOutcome
{
    Cancelled = 0,
    AlreadyFinished = 1,
    NotFound = 2,
}
