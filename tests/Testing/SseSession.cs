using System.Globalization;
using System.Net;

namespace MpWriter.Testing;

/// <summary>
/// Follows an SSE URL the way EventSource does: when the stream drops before the end it waits the server's
/// <c>retry:</c> and reconnects with <c>Last-Event-ID</c>; a 204 means there is nothing more.
/// </summary>
public sealed class SseSession
{
    public List<SseFrame> Events { get; } = [];

    public int Reconnects { get; private set; }

    public static async Task<SseSession> FollowAsync(HttpClient client, string url, Func<SseFrame, Task>? onEvent = null, TimeSpan? timeout = null)
    {
        var session = new SseSession();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        var retry = TimeSpan.FromSeconds(2);
        string? lastId = null;
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (lastId is not null)
                {
                    request.Headers.Add("Last-Event-ID", lastId);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return session;
                }

                response.EnsureSuccessStatusCode();
                var ended = false;
                await SseFrame.ReadAsync(await response.Content.ReadAsStreamAsync(deadline.Token), frame =>
                {
                    if (frame.Retry is { } value)
                    {
                        retry = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture));
                    }

                    if (frame.Event is not null)
                    {
                        lastId = frame.Id;
                        session.Events.Add(frame);
                        onEvent?.Invoke(frame).GetAwaiter().GetResult();
                        ended = frame.Event is "complete" or "error";
                    }

                    return ended;
                }, deadline.Token);
                if (ended)
                {
                    return session;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException && !deadline.IsCancellationRequested)
            {
                // The front end went away mid-stream or is not back yet: like a browser, wait and try again.
            }

            session.Reconnects++;
            await Task.Delay(retry, deadline.Token);
        }
    }
}
