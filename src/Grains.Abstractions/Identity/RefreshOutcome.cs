namespace MpWriter.Grains.Identity;

[GenerateSerializer, Alias("mpwriter.RefreshOutcome")]
public enum RefreshOutcome
{
    Rotated = 0,

    /// <summary>The token was current a moment ago and another request rotated it first (two tabs): retry.</summary>
    Superseded = 1,

    /// <summary>An old token came back: the family is revoked.</summary>
    Reused = 2,

    Expired = 3,

    /// <summary>Signed out, revoked after reuse, or never begun.</summary>
    Revoked = 4,
}
