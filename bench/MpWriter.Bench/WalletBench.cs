using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MpWriter.Grains.Hosting;
using MpWriter.Grains.Wallets;
using MpWriter.Testing;

namespace MpWriter.Bench;

/// <summary>
/// Reserve+capture pairs against the real wallet grain on the embedded SQLite storage, in one process: every pair
/// is two grain calls, two state writes and two ledger appends.
/// </summary>
public static class WalletBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        var seconds = options.Int("seconds", 10);
        var wallets = options.Int("wallets", 1000);
        var concurrency = options.Int("concurrency", 256);
        using var data = new TempDirectory("mpwriter-bench");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next());
            silo.AddMpWriterEmbeddedStorage();
            silo.Services.AddMpWriterGrainServices(silo.Configuration);
        });
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        Console.WriteLine($"wallet bench: {Environment.ProcessorCount} cores, {seconds} s per case, SQLite in {data.Path}");
        await CaseAsync("1 wallet", grains, 1, concurrency: 16, seconds);
        await CaseAsync($"{wallets:N0} wallets", grains, wallets, concurrency, seconds);
        await host.StopAsync();
    }

    private static async Task CaseAsync(string name, IGrainFactory grains, int walletCount, int concurrency, int seconds)
    {
        var ids = Enumerable.Range(0, walletCount).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, _) =>
            await grains.GetGrain<IWalletGrain>(id).Grant("seed", 1_000_000_000, "bench"));

        var latencies = new List<double>[concurrency];
        var pairs = 0L;
        var stop = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var samples = latencies[worker] = [];
            var operation = 0;
            while (stop.Elapsed < duration)
            {
                var wallet = grains.GetGrain<IWalletGrain>(ids[(worker + operation * concurrency) % ids.Length]);
                var operationId = $"w{worker}-{operation++}";
                var started = Stopwatch.GetTimestamp();
                var reserved = await wallet.Reserve(operationId, 20);
                var captured = await wallet.Capture(operationId);
                if (reserved.Outcome != WalletOutcome.Applied || captured.Outcome != WalletOutcome.Applied)
                {
                    throw new InvalidOperationException($"unexpected {reserved.Outcome}/{captured.Outcome}");
                }

                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref pairs);
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} concurrency {concurrency,4}: {pairs / elapsed,8:0} reserve+capture pairs/s; pair latency {Percentiles.Describe(latencies.SelectMany(l => l).ToList())}"));
    }
}
