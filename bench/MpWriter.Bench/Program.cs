using MpWriter.Bench;

var command = args.FirstOrDefault() ?? "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
switch (command)
{
    case "wallet":
        await WalletBench.RunAsync(options);
        break;
    case "sse":
        await SseBench.RunAsync(options);
        break;
    case "failover":
        await FailoverBench.RunAsync(options);
        break;
    default:
        Console.WriteLine("""
            usage: dotnet run -c Release --project bench/MpWriter.Bench -- <scenario> [--key value ...]
              wallet    reserve+capture pairs per second on 1 wallet and on N wallets   --seconds 10 --wallets 1000 --concurrency 256
              sse       N concurrent SSE streams through the Api next to a bare endpoint --streams 1000 --delay-ms 250
              failover  SIGKILL the silo hosting a run; time to the next event           --rounds 5
            """);
        break;
}
