namespace MpWriter.Grains.Runs;

/// <summary>
/// One AI run (key: run id). Every call names the user asking; a run owned by someone else answers
/// as if it did not exist.
/// </summary>
[Alias("mpwriter.run")]
public interface IRunGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Reserves the run's cost and starts generation in the background. Calling it again with the same
    /// request returns the run as it is and charges nothing more.
    /// </summary>
    [Alias("start")]
    Task<StartRunResult> Start(StartRunRequest request);

    [Alias("snapshot")]
    Task<RunSnapshot?> GetSnapshot(Guid ownerId);

    [Alias("cancel")]
    Task<CancelRunOutcome> Cancel(Guid ownerId);

    /// <summary>
    /// The events after <paramref name="afterSeq"/>: what the caller missed (as one snapshot when the gap is
    /// wider than the replay window), then live events, with heartbeats while idle. Ends after the terminal event.
    /// </summary>
    [Alias("follow")]
    IAsyncEnumerable<RunEvent> Follow(Guid ownerId, long afterSeq, CancellationToken cancellationToken = default);
}
