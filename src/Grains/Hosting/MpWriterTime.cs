namespace MpWriter.Grains.Hosting;

/// <summary>
/// The application's clock is a keyed <see cref="TimeProvider"/>: tests swap it for a fake without also
/// freezing the Orleans runtime, which uses the unkeyed one.
/// </summary>
public static class MpWriterTime
{
    public const string Key = "mpwriter";
}
