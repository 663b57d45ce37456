using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MpWriter.Grains.Runs;

namespace MpWriter.Api.Runs;

/// <summary>Turns relayed run events into SSE items, in the wire format ARCHITECTURE.md fixes.</summary>
public static class RunEventStream
{
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();

    /// <summary>
    /// The SSE items for <paramref name="events"/>. <see cref="SseItem{T}"/> cannot carry a comment, so heartbeats
    /// are written to the body directly while the formatter waits for the next item; the first item carries
    /// <c>retry:</c>. When the host begins to stop, the stream ends with a bare <c>retry:</c> so the browser
    /// reconnects, to another node, from its last event id.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<string>> ToSseItems(
        IAsyncEnumerable<RunEvent> events,
        HttpResponse response,
        TimeSpan reconnectDelay,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var first = true;
        await using var enumerator = events.GetAsyncEnumerator(linked.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await WriteRawAsync(response, Encoding.UTF8.GetBytes($"retry: {(long)reconnectDelay.TotalMilliseconds}\n\n"), cancellationToken);
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            var runEvent = enumerator.Current;
            if (runEvent.Type == RunEventType.Heartbeat)
            {
                await WriteRawAsync(response, Ping, cancellationToken);
                continue;
            }

            var item = ToSseItem(runEvent);
            if (first)
            {
                item = item with { ReconnectionInterval = reconnectDelay };
                first = false;
            }

            yield return item;
        }
    }

    public static SseItem<string> ToSseItem(RunEvent runEvent)
    {
        var (type, data) = runEvent.Type switch
        {
            RunEventType.Status => ("status", JsonSerializer.Serialize(new StatusPayload(runEvent.Status ?? string.Empty), RunEventJson.Default.StatusPayload)),
            RunEventType.Delta => ("delta", JsonSerializer.Serialize(new TextPayload(runEvent.Text ?? string.Empty), RunEventJson.Default.TextPayload)),
            RunEventType.Snapshot => ("snapshot", JsonSerializer.Serialize(new TextPayload(runEvent.Text ?? string.Empty), RunEventJson.Default.TextPayload)),
            RunEventType.Complete => ("complete", JsonSerializer.Serialize(
                new CompletePayload(runEvent.Text ?? string.Empty, runEvent.Result is { } r ? new RunResultResponse(r.Subject, r.Tone, r.WordCount) : null),
                RunEventJson.Default.CompletePayload)),
            RunEventType.Error => ("error", JsonSerializer.Serialize(
                new ErrorPayload(runEvent.Error?.Code ?? "failed", runEvent.Error?.Message ?? "The run failed.", runEvent.Error?.Refunded ?? false),
                RunEventJson.Default.ErrorPayload)),
            _ => throw new ArgumentOutOfRangeException(nameof(runEvent), runEvent.Type, "Heartbeats are not SSE events."),
        };
        return new SseItem<string>(data, type) { EventId = runEvent.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static async Task WriteRawAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
