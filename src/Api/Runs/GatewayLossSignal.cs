namespace MpWriter.Api.Runs;

/// <summary>
/// Trips when a connection to a silo's gateway closes. A silo that dies takes its runs' follow calls with it, and
/// the Orleans client only fails those after the full response timeout; relays listening here follow again at once.
/// </summary>
public sealed class GatewayLossSignal : IClusterConnectionStatusObserver
{
    private CancellationTokenSource _current = new();

    /// <summary>Cancelled at the next gateway loss. Old sources are left to the GC: they are few and may still be linked.</summary>
    public CancellationToken Token => Volatile.Read(ref _current).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Trip();
        }
    }

    public void NotifyClusterConnectionLost() => Trip();

    private void Trip() => Interlocked.Exchange(ref _current, new CancellationTokenSource()).Cancel();
}
