using MpWriter.Grains.Runs;

namespace MpWriter.Grains.Tests.Runs;

/// <summary>Follows a run to its end like the Api's relay: after a failed call it follows again from its last event.</summary>
public static class RunFollower
{
    public static async Task<List<RunEvent>> FollowToEndAsync(
        IRunGrain run, Guid ownerId, long afterSeq = 0, Func<RunEvent, Task>? onEvent = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var events = new List<RunEvent>();
        var last = afterSeq;
        while (true)
        {
            try
            {
                await foreach (var runEvent in run.Follow(ownerId, last, deadline.Token).WithCancellation(deadline.Token))
                {
                    if (runEvent.Type == RunEventType.Heartbeat)
                    {
                        continue;
                    }

                    events.Add(runEvent);
                    last = runEvent.Seq;
                    if (onEvent is not null)
                    {
                        await onEvent(runEvent);
                    }

                    if (runEvent.IsTerminal)
                    {
                        return events;
                    }
                }

                return events;
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                // The activation went away mid-stream; follow the next one from where we are.
            }
        }
    }

    /// <summary>What a client shows after applying <paramref name="events"/> on top of <paramref name="text"/>.</summary>
    public static string Apply(string text, IEnumerable<RunEvent> events)
    {
        foreach (var runEvent in events)
        {
            text = runEvent.Type switch
            {
                RunEventType.Delta => text + runEvent.Text,
                RunEventType.Snapshot or RunEventType.Complete => runEvent.Text!,
                _ => text,
            };
        }

        return text;
    }
}
