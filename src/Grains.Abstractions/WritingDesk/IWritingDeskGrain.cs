namespace MpWriter.Grains.WritingDesk;

/// <summary>A user's active letter-writing job (key: user id), versioned for optimistic concurrency.</summary>
[Alias("mpwriter.writingdesk")]
public interface IWritingDeskGrain : IGrainWithGuidKey
{
    [Alias("get")]
    Task<WritingDeskJob?> Get();

    /// <summary>Saves the job if <paramref name="expectedVersion"/> is its current version (0 for a new job).</summary>
    [Alias("save")]
    Task<DeskWriteResult> Save(WritingDeskUpdate update, long expectedVersion);

    /// <summary>Discards the job if <paramref name="expectedVersion"/> is its current version, or unconditionally when null.</summary>
    [Alias("clear")]
    Task<DeskWriteResult> Clear(long? expectedVersion);

    /// <summary>
    /// Starts a letter run from the saved job in the given tone. A retry with the same idempotency key returns
    /// the same run and charges nothing more.
    /// </summary>
    [Alias("start-letter")]
    Task<DeskRunResult> StartLetter(string tone, string senderName, string? idempotencyKey);
}
