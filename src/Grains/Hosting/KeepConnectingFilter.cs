using Microsoft.Extensions.Logging;

namespace MpWriter.Grains.Hosting;

/// <summary>A front end started before any silo waits for one instead of failing.</summary>
public sealed partial class KeepConnectingFilter(ILogger<KeepConnectingFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetrying(logger, exception.GetType().Name, Delay.TotalSeconds);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo answered ({Reason}); trying again in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string reason, double seconds);
}
