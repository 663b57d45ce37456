using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Ai;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;
using Orleans.Storage;

namespace MpWriter.Grains.Runs;

/// <summary>
/// One AI run. Generation runs as a task on this activation's scheduler; every chunk becomes a numbered event at
/// once, and the text, event log and provider cursor are checkpointed together, so a new activation resumes
/// from the checkpoint and the deterministic provider regenerates exactly the events after it.
/// </summary>
/// <remarks>
/// A terminal event becomes visible only after the hold is settled and that is saved: a follower that has seen
/// <c>complete</c> can rely on the charge having been made exactly once.
/// </remarks>
public sealed partial class RunGrain(
    [PersistentState("run", StorageNames.GrainState)] IPersistentState<RunState> state,
    IDraftingProvider provider,
    IAuditStore audit,
    IOptions<RunOptions> options,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock,
    TimeProvider pace,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRemindable
{
    private const string WatchdogReminder = "run-watchdog";

    /// <summary>How soon after a silo stops its runs are woken elsewhere.</summary>
    private static readonly TimeSpan HandOverDelay = TimeSpan.FromSeconds(2);

    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource? _generationCts;
    private Task? _generation;
    private long _visibleSeq;
    private long _lastCheckpoint;

    private RunState S => state.State;

    private Guid RunId => this.GetPrimaryKey();

    private string HoldId => $"run:{RunId:N}";

    private RunOptions Options => options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Exists)
        {
            return;
        }

        var terminal = S.Log.Count > 0 && IsTerminal(S.Log[^1].Type);
        _visibleSeq = terminal && !S.Settled ? S.Log.Count - 1 : S.Log.Count;
        if (S.Status == RunStatus.Running)
        {
            LogResuming(logger, RunId, S.Log.Count, S.Cursor);
            StartGeneration();
        }
        else if (!S.Settled)
        {
            await SettleAndRevealAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_generation is { IsCompleted: false })
        {
            // Stop at a chunk boundary and save, so the next activation carries on from here.
            await StopGenerationAsync().WaitAsync(cancellationToken);
            if (S.Status == RunStatus.Running)
            {
                await TryCheckpointAsync();
                if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
                {
                    await HandOverAsync();
                }
            }
        }
    }

    public async Task<StartRunResult> Start(StartRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Input);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Cost);
        if (S.Exists)
        {
            return S.OwnerId == request.OwnerId && S.Kind == request.Kind && S.Input == request.Input && S.Cost == request.Cost
                ? new StartRunResult(StartRunOutcome.AlreadyStarted, Snapshot())
                : new StartRunResult(StartRunOutcome.Conflict, null);
        }

        var wallet = GrainFactory.GetGrain<IWalletGrain>(request.OwnerId);
        if (request.Cost > 0)
        {
            // A retry after a crash between this and the save below finds its own hold (Duplicate) and carries on.
            var reservation = await wallet.Reserve(HoldId, request.Cost);
            if (reservation.Outcome == WalletOutcome.InsufficientCredits)
            {
                return new StartRunResult(StartRunOutcome.InsufficientCredits, null);
            }

            if (!reservation.Succeeded)
            {
                throw new InvalidOperationException($"Reserving credits for run {RunId} failed: {reservation.Outcome}.");
            }
        }

        var now = clock.GetUtcNow();
        S.Exists = true;
        S.OwnerId = request.OwnerId;
        S.Kind = request.Kind;
        S.Input = request.Input;
        S.Cost = request.Cost;
        S.Status = RunStatus.Running;
        S.CreatedAt = now;
        S.Deadline = now + Options.MaxDuration;
        S.Log.Add(new RunLogEntry(RunEventType.Status, 0, "started"));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.Exists = false;
            if (request.Cost > 0)
            {
                await wallet.Release(HoldId);
            }

            DeactivateOnIdle();
            throw;
        }

        Publish(S.Log.Count);
        StartGeneration();
        LogStarted(logger, RunId, S.Kind, S.Cost);
        try
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, Options.WatchdogPeriod, Options.WatchdogPeriod);
        }
        catch (Exception exception)
        {
            // The run goes on; only its recovery after a crash waits for the next follower instead of the reminder.
            LogWatchdogStartFailed(logger, exception, RunId);
        }

        return new StartRunResult(StartRunOutcome.Started, Snapshot());
    }

    public async Task<RunSnapshot?> GetSnapshot(Guid ownerId)
    {
        if (!IsVisibleTo(ownerId))
        {
            await AuditDeniedAsync(ownerId, "read");
            return null;
        }

        return Snapshot();
    }

    public async Task<CancelRunOutcome> Cancel(Guid ownerId)
    {
        if (!IsVisibleTo(ownerId))
        {
            await AuditDeniedAsync(ownerId, "cancel");
            return CancelRunOutcome.NotFound;
        }

        if (S.Status != RunStatus.Running)
        {
            return CancelRunOutcome.AlreadyFinished;
        }

        await StopGenerationAsync();

        // Generation may have finished on its own while it was being stopped.
        if (S.Status != RunStatus.Running)
        {
            return CancelRunOutcome.AlreadyFinished;
        }

        await FinishAsync(RunStatus.Cancelled, new RunError("cancelled", "The run was cancelled.", Refunded: true));
        return CancelRunOutcome.Cancelled;
    }

    public async IAsyncEnumerable<RunEvent> Follow(
        Guid ownerId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!IsVisibleTo(ownerId))
        {
            await AuditDeniedAsync(ownerId, "follow");
            yield break;
        }

        var next = Math.Max(afterSeq, 0) + 1;
        if (_visibleSeq - next + 1 > Options.ReplayWindow)
        {
            var snapshotSeq = IsTerminal(S.Log[(int)_visibleSeq - 1].Type) ? _visibleSeq - 1 : _visibleSeq;
            yield return new RunEvent(snapshotSeq, RunEventType.Snapshot, Text: TextAt(snapshotSeq));
            next = snapshotSeq + 1;
        }

        while (true)
        {
            while (next <= _visibleSeq)
            {
                var runEvent = EventAt(next++);
                yield return runEvent;
                if (runEvent.IsTerminal)
                {
                    yield break;
                }
            }

            if (S.Status != RunStatus.Running && _visibleSeq == S.Log.Count)
            {
                // Finished before the caller's position: nothing more will come.
                yield break;
            }

            var heartbeat = false;
            try
            {
                await _changed.Task.WaitAsync(Options.HeartbeatInterval, pace, cancellationToken);
            }
            catch (TimeoutException)
            {
                heartbeat = true;
            }

            if (heartbeat)
            {
                yield return new RunEvent(_visibleSeq, RunEventType.Heartbeat);
            }
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WatchdogReminder)
        {
            return;
        }

        if (!S.Exists || (S.Status != RunStatus.Running && S.Settled))
        {
            await StopWatchdogAsync();
            return;
        }

        // Being activated by this tick already resumed generation; the tick itself enforces the deadline and
        // finishes what a failed save or settlement left undone. It never writes while generation does.
        var overdue = clock.GetUtcNow() > S.Deadline;
        if (_generation is { IsCompleted: false })
        {
            if (overdue && S.Status == RunStatus.Running)
            {
                await StopGenerationAsync();
                await TimeOutAsync();
            }

            return;
        }

        if (S.Status != RunStatus.Running)
        {
            await SettleAndRevealAsync();
        }
        else if (overdue)
        {
            await TimeOutAsync();
        }
        else
        {
            StartGeneration();
        }
    }

    private void StartGeneration()
    {
        _lastCheckpoint = pace.GetTimestamp();
        _generationCts = new CancellationTokenSource();
        DelayDeactivation(Options.MaxDuration);
        _generation = GenerateAsync(_generationCts.Token);
    }

    private async Task GenerateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var chunk in provider.StreamAsync(S.Kind, S.Input!, S.Cursor, cancellationToken))
            {
                if (chunk.Status is not null)
                {
                    S.Log.Add(new RunLogEntry(RunEventType.Status, S.Text.Length, chunk.Status));
                }

                if (!string.IsNullOrEmpty(chunk.Text))
                {
                    S.Text += chunk.Text;
                    S.Log.Add(new RunLogEntry(RunEventType.Delta, S.Text.Length));
                }

                if (chunk.Result is not null)
                {
                    S.Result = chunk.Result;
                }

                S.Cursor = chunk.Cursor;
                Publish(S.Log.Count);
                if (clock.GetUtcNow() > S.Deadline)
                {
                    await TimeOutAsync();
                    return;
                }

                if (pace.GetElapsedTime(_lastCheckpoint) >= Options.CheckpointInterval)
                {
                    await TryCheckpointAsync();
                }
            }

            await FinishAsync(RunStatus.Completed, error: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled or deactivating: whoever stopped us decides what happens next.
        }
        catch (InconsistentStateException exception)
        {
            // Another activation owns this run now; this one must stop writing.
            LogSuperseded(logger, exception, RunId);
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            LogGenerationFailed(logger, exception, RunId);
            await FinishAsync(RunStatus.Failed, new RunError("generation_failed", "The AI could not finish this run. Your credits were not charged.", Refunded: true));
        }
    }

    /// <summary>Stops generation at its next await and waits until it has, so no two saves ever overlap.</summary>
    private async Task StopGenerationAsync()
    {
        if (_generation is { IsCompleted: false } generation)
        {
            await _generationCts!.CancelAsync();
            await generation.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    private async Task TimeOutAsync()
    {
        await FinishAsync(RunStatus.Failed, new RunError("timeout", "The run took too long and was stopped. Your credits were not charged.", Refunded: true));
    }

    /// <summary>Saves the terminal state, settles the hold, then shows the terminal event.</summary>
    private async Task FinishAsync(RunStatus status, RunError? error)
    {
        if (S.Status != RunStatus.Running)
        {
            return;
        }

        S.Status = status;
        S.Error = error;
        S.Log.Add(new RunLogEntry(status == RunStatus.Completed ? RunEventType.Complete : RunEventType.Error, S.Text.Length));
        Publish(S.Log.Count - 1);
        await state.WriteStateAsync();
        await SettleAndRevealAsync();
        LogFinished(logger, RunId, status, S.Text.Length);
    }

    private async Task SettleAndRevealAsync()
    {
        if (!S.Settled)
        {
            try
            {
                var wallet = GrainFactory.GetGrain<IWalletGrain>(S.OwnerId);
                if (S.Cost > 0)
                {
                    var outcome = S.Status == RunStatus.Completed
                        ? (await wallet.Capture(HoldId)).Outcome
                        : (await wallet.Release(HoldId)).Outcome;
                    if (outcome is not (WalletOutcome.Applied or WalletOutcome.Duplicate))
                    {
                        LogUnexpectedSettlement(logger, RunId, S.Status, outcome);
                    }
                }

                S.Settled = true;
                await state.WriteStateAsync();
            }
            catch (Exception exception) when (exception is not InconsistentStateException)
            {
                // The watchdog reminder retries; the terminal event goes out now so nobody waits on the wallet.
                LogSettlementFailed(logger, exception, RunId);
            }
        }

        Publish(S.Log.Count);
        if (S.Settled)
        {
            await StopWatchdogAsync();
        }
    }

    /// <summary>
    /// This silo is stopping: bring the watchdog forward, so whichever silo then owns the reminder wakes the run in
    /// seconds and it carries on from the checkpoint just saved, followed or not.
    /// </summary>
    private async Task HandOverAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, HandOverDelay, Options.WatchdogPeriod);
            LogHandedOver(logger, RunId, S.Log.Count);
        }
        catch (Exception exception)
        {
            // The regular tick still comes; the hand-over is only later.
            LogWatchdogStartFailed(logger, exception, RunId);
        }
    }

    private async Task StopWatchdogAsync()
    {
        try
        {
            var reminder = await this.GetReminder(WatchdogReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception exception)
        {
            // A leftover reminder only wakes a finished run, which then tries again.
            LogWatchdogStopFailed(logger, exception, RunId);
        }
    }

    private async Task TryCheckpointAsync()
    {
        _lastCheckpoint = pace.GetTimestamp();
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            // The next checkpoint tries again; a crash before then resumes from the previous one.
            LogCheckpointFailed(logger, exception, RunId);
        }
    }

    /// <summary>Makes events up to <paramref name="seq"/> visible and wakes every follower.</summary>
    private void Publish(long seq)
    {
        _visibleSeq = Math.Max(_visibleSeq, seq);
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    private bool IsVisibleTo(Guid ownerId) => S.Exists && S.OwnerId == ownerId;

    /// <summary>Someone asked for a run that exists but is not theirs: they are told it does not exist, and it is audited.</summary>
    private async Task AuditDeniedAsync(Guid userId, string action)
    {
        if (!S.Exists)
        {
            return;
        }

        try
        {
            await audit.AppendAsync([new AuditEvent(clock.GetUtcNow(), AuditKinds.PermissionDenied, userId, $"run:{RunId:N}", action, null)]);
        }
        catch (Exception exception)
        {
            LogAuditFailed(logger, exception, RunId);
        }
    }

    private RunEvent EventAt(long seq)
    {
        var entry = S.Log[(int)seq - 1];
        return entry.Type switch
        {
            RunEventType.Status => new RunEvent(seq, RunEventType.Status, Status: entry.Status),
            RunEventType.Delta => new RunEvent(seq, RunEventType.Delta, Text: S.Text[TextEndAt(seq - 1)..entry.TextEnd]),
            RunEventType.Complete => new RunEvent(seq, RunEventType.Complete, Text: S.Text, Result: S.Result),
            _ => new RunEvent(seq, RunEventType.Error, Error: S.Error),
        };
    }

    private int TextEndAt(long seq) => seq <= 0 ? 0 : S.Log[(int)seq - 1].TextEnd;

    private string TextAt(long seq) => S.Text[..TextEndAt(seq)];

    private RunSnapshot Snapshot()
    {
        var finished = _visibleSeq > 0 && IsTerminal(S.Log[(int)_visibleSeq - 1].Type);
        return new RunSnapshot(
            RunId,
            S.Kind,
            finished ? S.Status : RunStatus.Running,
            _visibleSeq,
            TextAt(_visibleSeq),
            finished ? S.Result : null,
            finished ? S.Error : null,
            S.Cost,
            S.CreatedAt);
    }

    private static bool IsTerminal(RunEventType type) => type is RunEventType.Complete or RunEventType.Error;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} ({Kind}) started, holding {Cost} hundredths")]
    private static partial void LogStarted(ILogger logger, Guid runId, RunKind kind, long cost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} resuming from event {Seq} at cursor {Cursor}")]
    private static partial void LogResuming(ILogger logger, Guid runId, int seq, string? cursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} handed over at event {Seq}: the silo is stopping")]
    private static partial void LogHandedOver(ILogger logger, Guid runId, int seq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} finished: {Status}, {Length} characters")]
    private static partial void LogFinished(ILogger logger, Guid runId, RunStatus status, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: generation failed; the hold will be released")]
    private static partial void LogGenerationFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: another activation saved this run; this one stops")]
    private static partial void LogSuperseded(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: checkpoint failed")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: settling the hold failed; the watchdog will retry")]
    private static partial void LogSettlementFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} ({Status}): the wallet answered {Outcome} when settling the hold")]
    private static partial void LogUnexpectedSettlement(ILogger logger, Guid runId, RunStatus status, WalletOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: registering the watchdog reminder failed")]
    private static partial void LogWatchdogStartFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: recording a permission-denied audit event failed")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: removing the watchdog reminder failed")]
    private static partial void LogWatchdogStopFailed(ILogger logger, Exception exception, Guid runId);
}
