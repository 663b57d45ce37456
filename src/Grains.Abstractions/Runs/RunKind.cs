namespace MpWriter.Grains.Runs;

[GenerateSerializer, Alias("mpwriter.RunKind")]
public enum RunKind
{
    FollowUps = 0,
    Research = 1,
    Letter = 2,
}
