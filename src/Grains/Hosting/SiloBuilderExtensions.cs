using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MpWriter.Grains.Ai;
using MpWriter.Grains.Health;
using MpWriter.Grains.Runs;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace MpWriter.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Configures a silo from configuration: <c>Cluster:Mode</c> picks clustering and storage.</summary>
    public static ISiloBuilder UseMpWriter(this ISiloBuilder silo)
    {
        var cluster = ClusterSettings.From(silo.Configuration);
        switch (cluster.Mode)
        {
            case ClusterMode.Embedded:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddMpWriterEmbeddedStorage();
                break;
            default:
                throw new NotSupportedException($"Cluster:Mode={cluster.Mode} is not supported yet; use Embedded.");
        }

        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.Services.AddMpWriterGrainServices(silo.Configuration);
        return silo;
    }

    /// <summary>Grain state, reminders and documents in one SQLite file under the data directory.</summary>
    public static ISiloBuilder AddMpWriterEmbeddedStorage(this ISiloBuilder silo)
    {
        var configuration = silo.Configuration;
        silo.Services.TryAddSingleton(sp => new SqliteDatabase(Path.Combine(
            StorageSettings.ResolveDataDirectory(configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "mpwriter.db")));
        silo.Services.AddGrainStorage(StorageNames.GrainState, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        silo.Services.AddSingleton<ILedgerStore, SqliteLedgerStore>();
        silo.Services.AddSingleton<IUserStore, SqliteUserStore>();
        silo.Services.AddSingleton<IAuditStore, SqliteAuditStore>();
        silo.Services.AddSingleton<IStorageProbe, SqliteProbe>();
        return silo;
    }

    /// <summary>What grains need in every mode: validated options, the clock, the state serializer, the AI provider.</summary>
    public static IServiceCollection AddMpWriterGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CreditsOptions>()
            .Bind(configuration.GetSection(CreditsOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) => options.SignupGrant ??= environment.IsProduction() ? 0m : 3.00m)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RunOptions>()
            .Bind(configuration.GetSection(RunOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<OfflineAiOptions>()
            .Bind(configuration.GetSection(OfflineAiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddKeyedSingleton(MpWriterTime.Key, TimeProvider.System);
        services.TryAddSingleton(TimeProvider.System);

        // Grain state is written with the Orleans serializer: the state types carry stable [Id]s and aliases, so
        // fields can be added and types renamed without breaking stored state, and nothing deserializes by type name.
        services.RemoveAll<IGrainStorageSerializer>();
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        services.TryAddSingleton<IDraftingProvider, OfflineDraftingProvider>();
        return services;
    }
}
