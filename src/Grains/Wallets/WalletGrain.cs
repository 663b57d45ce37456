using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Storage;

namespace MpWriter.Grains.Wallets;

/// <summary>
/// Not reentrant: one call at a time, so a reservation can never see a balance another is about to spend.
/// Each mutation is saved with its ledger entries in the grain state (an outbox) before it is answered; the
/// entries are then copied to the ledger, and again after a crash.
/// </summary>
public sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.GrainState)] IPersistentState<WalletState> state,
    ILedgerStore ledger,
    IAuditStore audit,
    IOptions<CreditsOptions> options,
    [FromKeyedServices(MpWriterTime.Key)] TimeProvider time,
    ILogger<WalletGrain> logger) : Grain, IWalletGrain, IRemindable
{
    /// <summary>How many finished operation ids a wallet remembers; older ones are checked against the ledger.</summary>
    public const int RecentWindow = 1_000;
    private const string ExpiryReminder = "expire-holds";

    private Guid UserId => this.GetPrimaryKey();

    private WalletState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await FlushOutboxAsync();
    }

    public async Task<WalletBalance> GetBalance()
    {
        if (ExpireHolds())
        {
            await SaveAsync();
        }

        return S.ToBalance();
    }

    public async Task<WalletOperationResult> Reserve(string operationId, long amount)
    {
        ValidateOperationId(operationId);
        var expired = ExpireHolds();
        if (S.Holds.ContainsKey(operationId) || S.Recent.ContainsKey(operationId)
            || await ledger.ContainsAsync(UserId, EntryId(operationId, LedgerEntryKind.Reserve)))
        {
            return await ResultAsync(WalletOutcome.Duplicate, expired);
        }

        if (amount <= 0)
        {
            return await ResultAsync(WalletOutcome.InvalidAmount, expired);
        }

        if (S.Balance - S.Held < amount)
        {
            return await ResultAsync(WalletOutcome.InsufficientCredits, expired);
        }

        S.Holds[operationId] = new WalletHold(amount, time.GetUtcNow() + options.Value.HoldTimeout);
        Append(operationId, LedgerEntryKind.Reserve, balanceDelta: 0, heldDelta: amount, source: null);
        await EnsureExpiryReminderAsync();
        return await ResultAsync(WalletOutcome.Applied, changed: true);
    }

    public async Task<WalletOperationResult> Capture(string operationId)
    {
        ValidateOperationId(operationId);
        var expired = ExpireHolds();
        if (!S.Holds.Remove(operationId, out var hold))
        {
            var outcome = S.Recent.TryGetValue(operationId, out var last) && last == LedgerEntryKind.Capture
                ? WalletOutcome.Duplicate
                : WalletOutcome.NotHeld;
            return await ResultAsync(outcome, expired);
        }

        S.Balance -= hold.Amount;
        Append(operationId, LedgerEntryKind.Capture, balanceDelta: -hold.Amount, heldDelta: -hold.Amount, source: null);
        return await ResultAsync(WalletOutcome.Applied, changed: true);
    }

    public async Task<WalletOperationResult> Release(string operationId)
    {
        ValidateOperationId(operationId);
        var expired = ExpireHolds();
        if (!S.Holds.Remove(operationId, out var hold))
        {
            var outcome = S.Recent.TryGetValue(operationId, out var last)
                ? last switch
                {
                    LedgerEntryKind.Release or LedgerEntryKind.Expire => WalletOutcome.Duplicate,
                    LedgerEntryKind.Capture => WalletOutcome.AlreadyCaptured,
                    _ => WalletOutcome.NotHeld,
                }
                : WalletOutcome.NotHeld;
            return await ResultAsync(outcome, expired);
        }

        Append(operationId, LedgerEntryKind.Release, balanceDelta: 0, heldDelta: -hold.Amount, source: null);
        return await ResultAsync(WalletOutcome.Applied, changed: true);
    }

    public async Task<WalletOperationResult> Grant(string operationId, long amount, string source)
    {
        ValidateOperationId(operationId);
        var expired = ExpireHolds();
        if (S.Recent.ContainsKey(operationId) || await ledger.ContainsAsync(UserId, EntryId(operationId, LedgerEntryKind.Grant)))
        {
            return await ResultAsync(WalletOutcome.Duplicate, expired);
        }

        if (amount <= 0)
        {
            return await ResultAsync(WalletOutcome.InvalidAmount, expired);
        }

        S.Balance += amount;
        Append(operationId, LedgerEntryKind.Grant, balanceDelta: amount, heldDelta: 0, source: source);
        return await ResultAsync(WalletOutcome.Applied, changed: true);
    }

    public Task<LedgerPage> GetLedger(long? beforeSequence, int limit) =>
        ledger.ReadAsync(UserId, beforeSequence, Math.Clamp(limit, 1, 200));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }

        var changed = ExpireHolds();
        if (S.Holds.Count == 0 && S.ExpiryReminderRegistered)
        {
            var reminder = await this.GetReminder(ExpiryReminder);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            S.ExpiryReminderRegistered = false;
            changed = true;
        }

        if (changed)
        {
            await SaveAsync();
        }
    }

    /// <summary>Releases every hold past its expiry; true when any was.</summary>
    private bool ExpireHolds()
    {
        if (S.Holds.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        List<(string OperationId, WalletHold Hold)>? expired = null;
        foreach (var (operationId, hold) in S.Holds)
        {
            if (hold.ExpiresAt <= now)
            {
                (expired ??= []).Add((operationId, hold));
            }
        }

        if (expired is null)
        {
            return false;
        }

        foreach (var (operationId, hold) in expired.OrderBy(e => e.Hold.ExpiresAt))
        {
            S.Holds.Remove(operationId);
            Append(operationId, LedgerEntryKind.Expire, balanceDelta: 0, heldDelta: -hold.Amount, source: null);
            LogHoldExpired(logger, UserId, hold.Amount);
        }

        return true;
    }

    private void Append(string operationId, LedgerEntryKind kind, long balanceDelta, long heldDelta, string? source)
    {
        S.Outbox.Add(new LedgerEntry(
            S.NextSequence++, operationId, kind, balanceDelta, heldDelta, S.Balance, S.Held, source, time.GetUtcNow()));
        Remember(operationId, kind);
    }

    private void Remember(string operationId, LedgerEntryKind kind)
    {
        if (!S.Recent.ContainsKey(operationId))
        {
            S.RecentOrder.Enqueue(operationId);
        }

        S.Recent[operationId] = kind;
        while (S.RecentOrder.Count > RecentWindow)
        {
            var oldest = S.RecentOrder.Dequeue();
            if (!S.Holds.ContainsKey(oldest))
            {
                S.Recent.Remove(oldest);
            }
            else
            {
                // An open hold is never forgotten; it goes to the back of the line.
                S.RecentOrder.Enqueue(oldest);
                break;
            }
        }
    }

    private async Task EnsureExpiryReminderAsync()
    {
        if (S.ExpiryReminderRegistered)
        {
            return;
        }

        // Registered before the state says so: a crash in between leaves a harmless extra tick, never a hold without one.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, options.Value.HoldTimeout.Ticks / 2));
        await this.RegisterOrUpdateReminder(ExpiryReminder, options.Value.HoldTimeout, period);
        S.ExpiryReminderRegistered = true;
    }

    private async Task<WalletOperationResult> ResultAsync(WalletOutcome outcome, bool changed)
    {
        if (changed)
        {
            await SaveAsync();
        }

        return new WalletOperationResult(outcome, S.ToBalance());
    }

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception)
        {
            // The in-memory state is now ahead of storage: drop this activation so the next one reloads.
            LogSaveFailed(logger, exception, UserId);
            DeactivateOnIdle();
            throw;
        }

        await FlushOutboxAsync();
    }

    private async Task FlushOutboxAsync()
    {
        if (S.Outbox.Count == 0)
        {
            return;
        }

        var entries = S.Outbox.ToArray();
        try
        {
            var movements = entries
                .Select(e => new AuditEvent(
                    e.At,
                    AuditKinds.CreditMovement,
                    UserId,
                    e.OperationId,
                    string.Create(CultureInfo.InvariantCulture, $"{e.Kind} balance {e.BalanceDelta:+0;-0;0} held {e.HeldDelta:+0;-0;0} -> {e.BalanceAfter}/{e.HeldAfter}{(e.Source is null ? "" : " source " + e.Source)}"),
                    CorrelationId: null,
                    EventId: $"ledger:{UserId:N}:{e.EntryId}"))
                .ToArray();
            await Task.WhenAll(ledger.AppendAsync(UserId, entries), audit.AppendAsync(movements));
        }
        catch (Exception exception)
        {
            // The entries stay in the saved outbox and are copied by the next save or activation.
            LogLedgerFlushFailed(logger, exception, UserId, entries.Length);
            return;
        }

        // Removed in memory only; the next save drops them from storage, and a replay before that is idempotent.
        S.Outbox.RemoveRange(0, entries.Length);
    }

    private static string EntryId(string operationId, LedgerEntryKind kind) => $"{operationId}/{kind}";

    private static void ValidateOperationId(string operationId)
    {
        if (string.IsNullOrWhiteSpace(operationId) || operationId.Length > 200)
        {
            throw new ArgumentException("An operation id is 1 to 200 characters.", nameof(operationId));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wallet {UserId}: a hold of {Amount} hundredths expired and was released")]
    private static partial void LogHoldExpired(ILogger logger, Guid userId, long amount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Wallet {UserId}: saving the state failed; the activation will be dropped")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {UserId}: copying {Count} ledger entries failed; they stay in the outbox")]
    private static partial void LogLedgerFlushFailed(ILogger logger, Exception exception, Guid userId, int count);
}
