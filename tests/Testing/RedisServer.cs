using System.Globalization;

namespace MpWriter.Testing;

/// <summary>
/// A redis-server of the tests' own on 127.0.0.1, with its append-only file on so a stop and start keeps the data,
/// as in production. Null from <see cref="TryStart"/> when redis-server is not installed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("mpwriter-redis");
    private NodeProcess? _process;

    private RedisServer(string executable, int port)
    {
        Executable = executable;
        Port = port;
    }

    public string Executable { get; }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer?> TryStartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var server = new RedisServer(executable, FreePort.Next());
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        _process = NodeProcess.Start("redis", Executable,
            ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", _directory.Path,
             "--appendonly", "yes", "--appendfsync", "always", "--save", ""],
            _directory.Path);
        await _process.WaitForLineAsync(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    /// <summary>Stops the server the way an operator would (SIGTERM: it flushes and exits).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Signal(Signals.SigTerm);
            await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
            await process.DisposeAsync();
        }

        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
