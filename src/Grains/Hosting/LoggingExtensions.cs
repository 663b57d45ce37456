using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace MpWriter.Grains.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog for every process: levels and sinks from the <c>Serilog</c> section, console by default.</summary>
    public static IHostApplicationBuilder AddMpWriterLogging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }
}
