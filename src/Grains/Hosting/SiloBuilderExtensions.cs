using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MpWriter.Grains.Ai;
using MpWriter.Grains.Health;
using MpWriter.Grains.Runs;
using MpWriter.Grains.Storage;
using MpWriter.Grains.Wallets;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Reminders.Redis;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace MpWriter.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Configures a silo from configuration: <c>Cluster:Mode</c> picks clustering and storage.</summary>
    public static ISiloBuilder UseMpWriter(this ISiloBuilder silo)
    {
        var configuration = silo.Configuration;
        var cluster = ClusterSettings.From(configuration);
        silo.Services.AddMpWriterClusterSettings(configuration);
        switch (cluster.Mode)
        {
            case ClusterMode.Embedded:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddMpWriterEmbeddedStorage();
                break;
            case ClusterMode.Redis:
                silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.ServiceId, cluster.ClusterId));
                if (cluster.AdvertisedAddress is { Length: > 0 } address)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(address), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }

                silo.AddMpWriterRedis();
                break;
        }

        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            o.NumMissedProbesLimit = cluster.MissedProbesLimit;
        });
        silo.Services.AddMpWriterGrainServices(configuration);
        return silo;
    }

    /// <summary>Grain state, reminders and documents in one SQLite file under the data directory.</summary>
    public static ISiloBuilder AddMpWriterEmbeddedStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSqliteDatabase(silo.Configuration);
        silo.Services.AddGrainStorage(StorageNames.GrainState, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        silo.Services.AddSqliteDocuments(silo.Configuration);
        return silo;
    }

    /// <summary>
    /// Redis clustering, grain state and reminders on one shared multiplexer. Documents go where
    /// <c>Documents:Provider</c> says (MongoDB unless set).
    /// </summary>
    public static ISiloBuilder AddMpWriterRedis(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<RedisConnection>();
        silo.UseRedisClustering(_ => { });
        silo.Services.AddOptions<RedisClusteringOptions>().Configure<RedisConnection>((o, redis) =>
        {
            o.ConfigurationOptions = redis.Options;
            o.CreateMultiplexer = _ => redis.ForOrleansAsync();
        });
        silo.AddRedisGrainStorage(StorageNames.GrainState, options => options.Configure<RedisConnection>((o, redis) =>
        {
            o.ConfigurationOptions = redis.Options;
            o.CreateMultiplexer = _ => redis.ForOrleansAsync();
        }));
        silo.UseRedisReminderService(_ => { });
        silo.Services.AddOptions<RedisReminderTableOptions>().Configure<RedisConnection>((o, redis) =>
        {
            o.ConfigurationOptions = redis.Options;
            o.CreateMultiplexer = _ => redis.ForOrleansAsync();
        });
        silo.Services.AddSingleton<IStorageProbe, RedisProbe>();

        var documents = DocumentsSettings.From(silo.Configuration);
        if (documents.Provider == DocumentsProvider.Sqlite)
        {
            silo.Services.AddSqliteDatabase(silo.Configuration);
            silo.Services.AddSqliteDocuments(silo.Configuration);
        }
        else
        {
            silo.Services.AddMongoDocuments(silo.Configuration);
        }

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

        services.AddMpWriterClock();

        // Grain state is written with the Orleans serializer: the state types carry stable [Id]s and aliases, so
        // fields can be added and types renamed without breaking stored state, and nothing deserializes by type name.
        services.RemoveAll<IGrainStorageSerializer>();
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        services.TryAddSingleton<IDraftingProvider, OfflineDraftingProvider>();
        return services;
    }

    /// <summary>The system clock as the application's clock (keyed, so tests can replace it) and as the runtime's.</summary>
    public static IServiceCollection AddMpWriterClock(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(MpWriterTime.Key, TimeProvider.System);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>The cluster settings, validated when the host starts.</summary>
    public static IServiceCollection AddMpWriterClusterSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ClusterSettingsValidator)))
        {
            return services;
        }

        services.AddSingleton<ClusterSettingsValidator>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClusterSettings>>(sp => sp.GetRequiredService<ClusterSettingsValidator>());
        services.AddOptions<ClusterSettings>()
            .Bind(configuration.GetSection(ClusterSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    private static IServiceCollection AddSqliteDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => new SqliteDatabase(Path.Combine(
            StorageSettings.ResolveDataDirectory(configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            "mpwriter.db")));
        return services;
    }

    private static IServiceCollection AddSqliteDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSqliteDatabase(configuration);
        services.TryAddSingleton<ILedgerStore, SqliteLedgerStore>();
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<IAuditStore, SqliteAuditStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageProbe, SqliteProbe>());
        return services;
    }

    private static IServiceCollection AddMongoDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DocumentsSettings.From(configuration);
        services.TryAddSingleton(_ => new MongoDocuments(
            configuration.GetConnectionString(DocumentsSettings.MongoConnectionStringName)
                ?? throw new InvalidOperationException("ConnectionStrings:MongoDb is not set."),
            settings.MongoDatabase));
        services.TryAddSingleton<ILedgerStore, MongoLedgerStore>();
        services.TryAddSingleton<IUserStore, MongoUserStore>();
        services.TryAddSingleton<IAuditStore, MongoAuditStore>();
        services.AddSingleton<IStorageProbe, MongoProbe>();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClusterSettings>, MongoSettingsValidator>();
        return services;
    }
}
