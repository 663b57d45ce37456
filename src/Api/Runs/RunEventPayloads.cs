using System.Text.Json;
using System.Text.Json.Serialization;

namespace MpWriter.Api.Runs;

/// <summary>The <c>data:</c> of each SSE event type.</summary>
public sealed record StatusPayload(string Status);

public sealed record TextPayload(string Text);

public sealed record CompletePayload(string Text, RunResultResponse? Result);

public sealed record ErrorPayload(string Code, string Message, bool Refunded);

public sealed record RunResultResponse(string? Subject, string? Tone, int WordCount);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StatusPayload))]
[JsonSerializable(typeof(TextPayload))]
[JsonSerializable(typeof(CompletePayload))]
[JsonSerializable(typeof(ErrorPayload))]
public sealed partial class RunEventJson : JsonSerializerContext;
