namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.StartRunOutcome")]
public enum StartRunOutcome
{
    Started = 0,

    /// <summary>The same request started this run before; nothing more was charged.</summary>
    AlreadyStarted = 1,

    InsufficientCredits = 2,

    /// <summary>This run id was started with a different request (an idempotency key reused for other input).</summary>
    Conflict = 3,
}
