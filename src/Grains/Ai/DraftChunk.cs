using MpWriter.Grains.Runs;

namespace MpWriter.Grains.Ai;

/// <summary>
/// One step of a provider's stream: text to append, a status to show, or (last) the structured result.
/// <see cref="Cursor"/> resumes the stream after this chunk.
/// </summary>
public sealed record DraftChunk(string Cursor, string? Text = null, string? Status = null, RunResult? Result = null);
