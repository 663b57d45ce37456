using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MpWriter.Api.Auth;
using MpWriter.Api.Credits;
using MpWriter.Api.Runs;
using MpWriter.Api.Shell;
using MpWriter.Api.WritingDesk;
using MpWriter.Grains.Health;
using MpWriter.Grains.Hosting;

namespace MpWriter.Api.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>Everything the front end needs; in embedded mode it also hosts the silo.</summary>
    public static WebApplicationBuilder AddMpWriterApi(this WebApplicationBuilder builder)
    {
        builder.AddMpWriterLogging();
        var services = builder.Services;
        var configuration = builder.Configuration;

        var cluster = ClusterSettings.From(configuration);
        if (cluster.Mode == ClusterMode.Embedded)
        {
            builder.UseOrleans(silo => silo.UseMpWriter());
        }
        else
        {
            builder.UseOrleansClient(client => client.UseMpWriterCluster());
        }

        services.AddMpWriterClusterSettings(configuration);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.DrainTimeout);

        services.AddMpWriterClock();

        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<AuthOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<AuthOptions>>(sp => sp.GetRequiredService<AuthOptionsSetup>());
        services.AddSingleton<IValidateOptions<AuthOptions>>(sp => sp.GetRequiredService<AuthOptionsSetup>());
        services.AddOptions<RelayOptions>().Bind(configuration.GetSection(RelayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimits>().Bind(configuration.GetSection(RateLimits.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SigningKeys>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<SessionCookies>();
        services.AddSingleton<Sessions>();
        services.AddSingleton<RunEventRelay>();
        services.AddSingleton<GatewayLossSignal>();
        services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayLossSignal>());
        services.AddSingleton<AppShell>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SessionTokens, SessionCookies>((options, tokens, cookies) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters();
                options.Events = new JwtBearerEvents
                {
                    // The session travels only in the HttpOnly cookie, never in a header script could set.
                    OnMessageReceived = context =>
                    {
                        context.Token = context.Request.Cookies[cookies.SessionName];
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization();

        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<SessionCookies, IOptions<AuthOptions>>((options, cookies, auth) =>
        {
            options.HeaderName = "X-CSRF-TOKEN";
            options.Cookie.Name = cookies.CsrfName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = auth.Value.SecureCookiesEnabled ? CookieSecurePolicy.Always : CookieSecurePolicy.None;
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimits>>((options, limits) => RateLimits.Configure(options, limits.Value));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("traceId");
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
            context.HttpContext.Response.Headers["X-Correlation-Id"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only a proxy on these networks (loopback always) may say who the client is and whether it used https.
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        return builder;
    }

    public static WebApplication UseMpWriterApi(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequireHttpsMiddleware>();
        app.UseSerilogRequestLoggingWithoutQuery();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CsrfProtectionMiddleware>();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapAppShell();
        app.MapHealth();
        app.MapAuth();
        app.MapCredits();
        app.MapWritingDesk();
        app.MapRuns();
        return app;
    }
}
