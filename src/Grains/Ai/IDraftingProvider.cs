using MpWriter.Grains.Runs;

namespace MpWriter.Grains.Ai;

/// <summary>Produces a run's text as a stream that can be resumed from any chunk's cursor.</summary>
public interface IDraftingProvider
{
    /// <summary>
    /// The run's chunks after <paramref name="cursor"/> (from the start when null). Resuming from a cursor yields
    /// exactly the chunks that followed it the first time, so a resumed run repeats and misses nothing.
    /// </summary>
    IAsyncEnumerable<DraftChunk> StreamAsync(RunKind kind, RunInput input, string? cursor, CancellationToken cancellationToken);
}
