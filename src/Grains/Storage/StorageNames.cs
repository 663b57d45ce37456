namespace MpWriter.Grains.Storage;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain's state uses.</summary>
    public const string GrainState = "mpwriter";
}
