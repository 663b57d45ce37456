using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MpWriter.Grains.Hosting;

/// <summary>Refuses to start a cluster-mode process with a missing setting, saying which and how to make one.</summary>
public sealed class ClusterSettingsValidator(IConfiguration configuration) : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options)
    {
        if (options.Mode != ClusterMode.Redis)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnection.ConnectionStringName)))
        {
            failures.Add(
                "ConnectionStrings:Redis (environment variable ConnectionStrings__Redis) is missing: the Redis the cluster runs on, e.g. redis:6379 or host:6379,password=...");
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{ClusterSettings.SectionName}:{nameof(ClusterSettings.ClusterId)}"]))
        {
            failures.Add(
                "Cluster:ClusterId (environment variable Cluster__ClusterId) is missing: name this deployment, e.g. prod-2026-12; every silo and front end of it uses the same value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
