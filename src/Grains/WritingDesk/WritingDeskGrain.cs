using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Runs;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;

namespace MpWriter.Grains.WritingDesk;

public sealed class WritingDeskGrain(
    [PersistentState("desk", StorageNames.GrainState)] IPersistentState<WritingDeskState> state,
    IOptions<CreditsOptions> credits,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider clock) : Grain, IWritingDeskGrain
{
    private WritingDeskState S => state.State;

    private Guid UserId => this.GetPrimaryKey();

    /// <summary>The version a client holds when it has never seen a job.</summary>
    private long CurrentVersion => S.Exists ? S.Version : 0;

    public Task<WritingDeskJob?> Get() => Task.FromResult(Job());

    public async Task<DeskWriteResult> Save(WritingDeskUpdate update, long expectedVersion)
    {
        if (update.Validate() is { } problem)
        {
            return new DeskWriteResult(DeskWriteOutcome.Invalid, Job(), problem);
        }

        if (expectedVersion != CurrentVersion)
        {
            return new DeskWriteResult(DeskWriteOutcome.VersionConflict, Job());
        }

        S.Exists = true;
        S.Intake = update.Intake;
        S.MpName = update.MpName;
        S.Constituency = update.Constituency;
        S.Tone = update.Tone;
        await SaveAsync();
        return new DeskWriteResult(DeskWriteOutcome.Saved, Job());
    }

    public async Task<DeskWriteResult> Clear(long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != CurrentVersion)
        {
            return new DeskWriteResult(DeskWriteOutcome.VersionConflict, Job());
        }

        if (S.Exists)
        {
            S.Exists = false;
            S.Intake = S.MpName = S.Constituency = string.Empty;
            S.Tone = null;
            S.LetterRunId = null;
            await SaveAsync();
        }

        return new DeskWriteResult(DeskWriteOutcome.Saved, null);
    }

    public async Task<DeskRunResult> StartLetter(string tone, string senderName, string? idempotencyKey)
    {
        if (!Tones.IsValid(tone))
        {
            return new DeskRunResult(DeskRunOutcome.InvalidTone, null);
        }

        if (!S.Exists || string.IsNullOrWhiteSpace(S.Intake))
        {
            return new DeskRunResult(DeskRunOutcome.NothingToWrite, null);
        }

        var runId = idempotencyKey is null ? Guid.NewGuid() : RunIds.FromIdempotencyKey(UserId, RunKind.Letter, idempotencyKey);
        var input = new RunInput(S.Intake, S.MpName, S.Constituency, tone, senderName);
        var started = await GrainFactory.GetGrain<IRunGrain>(runId)
            .Start(new StartRunRequest(UserId, RunKind.Letter, input, credits.Value.LetterCostHundredths));
        switch (started.Outcome)
        {
            case StartRunOutcome.InsufficientCredits:
                return new DeskRunResult(DeskRunOutcome.InsufficientCredits, null);
            case StartRunOutcome.Conflict:
                return new DeskRunResult(DeskRunOutcome.IdempotencyConflict, null);
        }

        if (S.LetterRunId != runId || S.Tone != tone)
        {
            S.LetterRunId = runId;
            S.Tone = tone;
            await SaveAsync();
        }

        return new DeskRunResult(
            started.Outcome == StartRunOutcome.Started ? DeskRunOutcome.Started : DeskRunOutcome.AlreadyStarted,
            runId);
    }

    private async Task SaveAsync()
    {
        S.Version++;
        S.UpdatedAt = clock.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is now ahead of storage: let the next activation reload the saved job.
            DeactivateOnIdle();
            throw;
        }
    }

    private WritingDeskJob? Job() => S.Exists
        ? new WritingDeskJob(S.Version, S.Intake, S.MpName, S.Constituency, S.Tone, S.LetterRunId, S.UpdatedAt)
        : null;
}
