using Microsoft.Extensions.DependencyInjection;
using MpWriter.Grains.Audit;
using MpWriter.Grains.Health;
using MpWriter.Grains.Identity;
using MpWriter.Grains.Runs;
using MpWriter.Grains.Wallets;
using MpWriter.Grains.WritingDesk;
using Orleans.Serialization;

namespace MpWriter.Grains.Abstractions.Tests;

/// <summary>Every record that crosses the wire survives the Orleans serializer unchanged.</summary>
public sealed class WireTypeTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static TheoryData<object> Samples() =>
    [
        new WalletBalance(300, 20),
        new WalletOperationResult(WalletOutcome.InsufficientCredits, new WalletBalance(10, 5)),
        new LedgerEntry(7, "run:abc", LedgerEntryKind.Capture, -20, -20, 280, 0, null, At),
        new LedgerPage([new LedgerEntry(1, "signup", LedgerEntryKind.Grant, 300, 0, 300, 0, "signup", At)], 1),
        new RunEvent(12, RunEventType.Delta, Text: "Dear "),
        new RunEvent(40, RunEventType.Complete, Text: "Dear Jane", Result: new RunResult("Buses", Tones.Formal, 2)),
        new RunEvent(41, RunEventType.Error, Error: new RunError("cancelled", "The run was cancelled.", true)),
        new StartRunRequest(Guid.NewGuid(), RunKind.Letter, new RunInput("intake", "Jane", "Anytown", Tones.Urgent, "Ann"), 20),
        new StartRunResult(StartRunOutcome.Started, new RunSnapshot(Guid.NewGuid(), RunKind.Letter, RunStatus.Running, 3, "Dear", null, null, 20, At)),
        new WritingDeskJob(4, "intake", "Jane", "Anytown", Tones.Neutral, Guid.NewGuid(), At),
        new WritingDeskUpdate("intake", "Jane", "Anytown", null),
        new DeskWriteResult(DeskWriteOutcome.VersionConflict, null, "problem"),
        new DeskRunResult(DeskRunOutcome.Started, Guid.NewGuid()),
        new UserProfile(Guid.NewGuid(), "ann@example.com", "Ann", At),
        new AuditEvent(At, AuditKinds.SignIn, Guid.NewGuid(), "local", null, "corr", "id"),
        new ProbeResult("sqlite", false, "The SQLite file cannot be read."),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void WireType_RoundTrip_IsEqual(object sample)
    {
        var bytes = Serializer.SerializeToArray(sample);

        var copy = Serializer.Deserialize<object>(bytes)!;

        Assert.Equal(sample.GetType(), copy.GetType());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(sample, sample.GetType()), System.Text.Json.JsonSerializer.Serialize(copy, copy.GetType()));
    }
}
