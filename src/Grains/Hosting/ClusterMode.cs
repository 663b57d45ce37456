namespace MpWriter.Grains.Hosting;

public enum ClusterMode
{
    /// <summary>One process: the silo runs inside the Api, state in a SQLite file.</summary>
    Embedded = 0,

    /// <summary>Separate silo and Api processes on Redis clustering, storage and reminders.</summary>
    Redis = 1,
}
