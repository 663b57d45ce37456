namespace MpWriter.Api.Runs;

public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Reads the optional header; false when it is present but malformed.</summary>
    public static bool TryRead(HttpRequest request, out string? key)
    {
        key = null;
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return true;
        }

        if (values.Count != 1 || values[0] is not { Length: >= 1 and <= 200 } value || value.Any(c => c is < '!' or > '~'))
        {
            return false;
        }

        key = value;
        return true;
    }
}
