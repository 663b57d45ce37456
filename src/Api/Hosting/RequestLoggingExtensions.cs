using Serilog;

namespace MpWriter.Api.Hosting;

public static class RequestLoggingExtensions
{
    /// <summary>One line per request with its path template, never the query string (postcodes live there).</summary>
    public static IApplicationBuilder UseSerilogRequestLoggingWithoutQuery(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information;
        });
}
