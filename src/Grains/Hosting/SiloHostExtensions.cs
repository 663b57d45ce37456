using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MpWriter.Grains.Health;

namespace MpWriter.Grains.Hosting;

public static class SiloHostExtensions
{
    /// <summary>A silo process: the silo, its health endpoints on Kestrel, and a drain timeout for SIGTERM.</summary>
    public static WebApplicationBuilder AddMpWriterSilo(this WebApplicationBuilder builder)
    {
        builder.AddMpWriterLogging();
        builder.UseOrleans(silo => silo.UseMpWriter());
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<MembershipHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ClusterSettings.From(builder.Configuration).DrainTimeout);
        return builder;
    }

    public static WebApplication MapMpWriterSilo(this WebApplication app)
    {
        app.MapHealth();
        return app;
    }
}
