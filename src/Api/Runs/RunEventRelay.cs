using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Runs;

namespace MpWriter.Api.Runs;

/// <summary>
/// Relays a run's events to one browser and hides failover: when the grain call fails, goes silent past the idle
/// timeout, or a gateway closes (its silo may have died with the run), it follows the run again from the last
/// event it passed on and drops anything at or before it, so the browser sees no gap and no duplicate.
/// </summary>
public sealed partial class RunEventRelay(
    IClusterClient cluster, GatewayLossSignal gatewayLoss, IOptions<RelayOptions> options, TimeProvider time, ILogger<RunEventRelay> logger)
{
    /// <summary>
    /// The run's events after <paramref name="afterSeq"/>, ending after the terminal one. Heartbeats (the run's,
    /// and the relay's own while it waits) say the stream is alive.
    /// </summary>
    public async IAsyncEnumerable<RunEvent> RelayAsync(
        Guid runId, Guid ownerId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RunEvent>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(runId, ownerId, afterSeq, channel.Writer, stop.Token);
        try
        {
            Task<bool>? waiting = null;
            while (true)
            {
                waiting ??= channel.Reader.WaitToReadAsync(stop.Token).AsTask();
                var idle = false;
                try
                {
                    if (!await waiting.WaitAsync(options.Value.PingInterval, time, cancellationToken))
                    {
                        yield break;
                    }

                    waiting = null;
                }
                catch (TimeoutException)
                {
                    idle = true;
                }

                if (idle)
                {
                    yield return new RunEvent(0, RunEventType.Heartbeat);
                    continue;
                }

                while (channel.Reader.TryRead(out var runEvent))
                {
                    yield return runEvent;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PumpAsync(Guid runId, Guid ownerId, long afterSeq, ChannelWriter<RunEvent> writer, CancellationToken cancellationToken)
    {
        var last = afterSeq;
        var failures = 0;
        var grain = cluster.GetGrain<IRunGrain>(runId);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var gatewayLost = gatewayLoss.Token;
                using var watchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, gatewayLost);
                watchdog.CancelAfter(options.Value.IdleTimeout);
                try
                {
                    await foreach (var runEvent in grain.Follow(ownerId, last, watchdog.Token).WithCancellation(watchdog.Token))
                    {
                        watchdog.CancelAfter(options.Value.IdleTimeout);
                        failures = 0;
                        if (runEvent.Type != RunEventType.Heartbeat)
                        {
                            if (runEvent.Seq <= last)
                            {
                                continue;
                            }

                            last = runEvent.Seq;
                        }

                        await writer.WriteAsync(runEvent, cancellationToken);
                        if (runEvent.IsTerminal)
                        {
                            return;
                        }
                    }

                    // The run has nothing after our position (it finished before it, or is not this user's).
                    return;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    if (++failures > options.Value.MaxAttempts)
                    {
                        LogGivingUp(logger, exception, runId, last, failures - 1);
                        return;
                    }

                    var reason = gatewayLost.IsCancellationRequested ? "a gateway closed"
                        : watchdog.IsCancellationRequested ? "idle"
                        : exception.GetType().Name;
                    LogRefollowing(logger, runId, last, reason);
                    await Task.Delay(Backoff(failures), time, cancellationToken);
                }
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>0 ms the first time (another silo may already host the run), then doubling up to 2 s.</summary>
    private static TimeSpan Backoff(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(2_000, 50 * Math.Pow(2, failures - 2)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay of run {RunId}: following again after event {Seq} ({Reason})")]
    private static partial void LogRefollowing(ILogger logger, Guid runId, long seq, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay of run {RunId}: giving up after event {Seq} and {Attempts} failed follows; the browser will reconnect")]
    private static partial void LogGivingUp(ILogger logger, Exception exception, Guid runId, long seq, int attempts);
}
