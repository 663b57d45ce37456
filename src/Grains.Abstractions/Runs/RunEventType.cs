namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.RunEventType")]
public enum RunEventType
{
    Status = 0,
    Delta = 1,

    /// <summary>The whole text so far; replaces what the follower has.</summary>
    Snapshot = 2,

    Complete = 3,
    Error = 4,

    /// <summary>Nothing happened; tells the follower the run is alive. Never numbered, never sent as an SSE event.</summary>
    Heartbeat = 5,
}
