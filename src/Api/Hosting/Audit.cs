using MpWriter.Grains.Audit;

namespace MpWriter.Api.Hosting;

public static partial class Audit
{
    /// <summary>Records an audit event; a failure is logged, never shown to the caller.</summary>
    public static async Task RecordAsync(IClusterClient cluster, ILogger logger, AuditEvent auditEvent)
    {
        try
        {
            await cluster.GetGrain<IAuditGrain>(0).Record(auditEvent);
        }
        catch (Exception exception)
        {
            LogAuditFailed(logger, exception, auditEvent.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording a {Kind} audit event failed")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string kind);
}
