namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.RunStatus")]
public enum RunStatus
{
    Running = 0,
    Completed = 1,
    Failed = 2,
    Cancelled = 3,
}
