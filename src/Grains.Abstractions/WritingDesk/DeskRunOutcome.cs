namespace MpWriter.Grains.WritingDesk;

[GenerateSerializer, Alias("mpwriter.DeskRunOutcome")]
public enum DeskRunOutcome
{
    Started = 0,
    AlreadyStarted = 1,
    InsufficientCredits = 2,

    /// <summary>The job has no issue description yet.</summary>
    NothingToWrite = 3,

    /// <summary>The idempotency key was used before for a different request.</summary>
    IdempotencyConflict = 4,

    InvalidTone = 5,
}
