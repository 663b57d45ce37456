namespace MpWriter.Grains.Runs;

/// <summary>What a run works from: the user's issue, the MP it is addressed to, and the tone.</summary>
[GenerateSerializer, Immutable, Alias("mpwriter.RunInput")]
public sealed record RunInput(
    [property: Id(0)] string Intake,
    [property: Id(1)] string MpName,
    [property: Id(2)] string Constituency,
    [property: Id(3)] string Tone,
    [property: Id(4)] string SenderName);
