using System.Globalization;
using System.Net;
using System.Text.Json;
using MpWriter.Testing;

namespace MpWriter.Silo.Tests;

/// <summary>The silo as it is deployed: a process started with settings on its command line.</summary>
public sealed class SiloProcessTests
{
    private static NodeProcess StartSilo(TempDirectory data, params string[] settings)
    {
        var assembly = RepositoryPaths.EntryAssembly("Silo");
        var arguments = new List<string>
        {
            assembly,
            $"--Storage:DataDirectory={data.Path}",
            $"--Cluster:SiloPort={FreePort.Next()}",
            $"--Cluster:GatewayPort={FreePort.Next()}",
        };
        arguments.AddRange(settings);
        return NodeProcess.Start("silo", "dotnet", arguments, Path.GetDirectoryName(assembly)!);
    }

    private static async Task<string> StartupFailureAsync(params string[] settings)
    {
        using var data = new TempDirectory("mpwriter-silo");
        await using var silo = StartSilo(data, [$"--urls=http://127.0.0.1:{FreePort.Next()}", .. settings]);
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return string.Join('\n', silo.Lines);
    }

    [Fact]
    public async Task RedisMode_WithoutConnectionString_StopsNamingTheVariableAndAnExample()
    {
        var output = await StartupFailureAsync("--Cluster:Mode=Redis", "--Cluster:ClusterId=prod-1", "--Documents:Provider=Sqlite");

        Assert.Contains("ConnectionStrings__Redis", output, StringComparison.Ordinal);
        Assert.Contains("e.g. redis:6379", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisMode_WithoutClusterId_StopsNamingTheVariable()
    {
        var output = await StartupFailureAsync("--Cluster:Mode=Redis", "--ConnectionStrings:Redis=127.0.0.1:1", "--Documents:Provider=Sqlite");

        Assert.Contains("Cluster__ClusterId", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings__Redis", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisMode_WithMongoDocumentsButNoMongo_StopsNamingTheVariable()
    {
        var output = await StartupFailureAsync("--Cluster:Mode=Redis", "--Cluster:ClusterId=prod-1", "--ConnectionStrings:Redis=127.0.0.1:1");

        Assert.Contains("ConnectionStrings__MongoDb", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedMode_AnswersLiveAndReadyWithItsStorage()
    {
        using var data = new TempDirectory("mpwriter-silo");
        var port = FreePort.Next();
        await using var silo = StartSilo(data, $"--urls=http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        await silo.WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Contains(checks.EnumerateArray(), c => c.GetProperty("name").GetString() == "storage"
            && c.GetProperty("data").GetProperty("sqlite").GetString() == "healthy");
        Assert.Contains(checks.EnumerateArray(), c => c.GetProperty("name").GetString() == "cluster"
            && c.GetProperty("status").GetString() == "Healthy");
    }
}
