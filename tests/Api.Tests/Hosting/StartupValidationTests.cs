using Microsoft.Extensions.Options;
using MpWriter.Testing;

namespace MpWriter.Api.Tests.Hosting;

/// <summary>Unsafe configurations stop the process before it serves anything, naming the setting to fix.</summary>
public sealed class StartupValidationTests
{
    private const string GoodKey = "dGVzdC1vbmx5LWtleS1kby1ub3QtdXNlLWFueXdoZXJlLWVsc2UtMTIzNDU2Nzg5MA==";

    private static async Task<string> StartupFailureAsync(Dictionary<string, string> settings)
    {
        await using var server = ApiServer.Create(settings);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => server.App.StartAsync());
        var failures = failure is AggregateException aggregate ? aggregate.InnerExceptions : [failure];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        return string.Join(Environment.NewLine, failures.Select(f => f.Message));
    }

    [Fact]
    public async Task Production_WithDevSignIn_RefusesToStart()
    {
        var message = await StartupFailureAsync(new()
        {
            ["environment"] = "Production",
            ["Auth:DevSignIn"] = "true",
            ["Auth:SigningKey"] = GoodKey,
        });

        Assert.Contains("Auth:DevSignIn", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutSigningKey_RefusesToStartAndSaysHowToMakeOne()
    {
        var message = await StartupFailureAsync(new() { ["environment"] = "Production" });

        Assert.Contains("Auth:SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakSigningKey_RefusesToStart()
    {
        var message = await StartupFailureAsync(new() { ["Auth:SigningKey"] = "c2hvcnQ=" });

        Assert.Contains("at least 32", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithInsecureCookies_RefusesToStart()
    {
        var message = await StartupFailureAsync(new()
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = GoodKey,
            ["Auth:SecureCookies"] = "false",
        });

        Assert.Contains("Auth:SecureCookies", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisMode_WithoutSigningKeyOrRedis_RefusesToStartNamingBoth()
    {
        var message = await StartupFailureAsync(new() { ["Cluster:Mode"] = "Redis", ["Cluster:ClusterId"] = "prod-1" });

        Assert.Contains("Auth__SigningKey", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Redis", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningKey_FromEnvExample_RefusesToStart()
    {
        var example = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".env.example"))
            .Single(l => l.StartsWith("AUTH_SIGNING_KEY=", StringComparison.Ordinal))["AUTH_SIGNING_KEY=".Length..];

        var message = await StartupFailureAsync(new() { ["Auth:SigningKey"] = example });

        Assert.Contains("placeholder", message, StringComparison.Ordinal);
    }
}
