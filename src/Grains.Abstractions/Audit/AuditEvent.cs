namespace MpWriter.Grains.Audit;

/// <summary>
/// A security- or money-relevant fact. <see cref="Detail"/> never holds personal data or secrets: ids, codes
/// and amounts only. <see cref="EventId"/>, when set, makes recording the event idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("mpwriter.AuditEvent")]
public sealed record AuditEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] Guid? UserId,
    [property: Id(3)] string? Subject,
    [property: Id(4)] string? Detail,
    [property: Id(5)] string? CorrelationId,
    [property: Id(6)] string? EventId = null);
