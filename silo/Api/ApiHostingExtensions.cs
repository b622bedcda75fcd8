using Highlights.Grains.Inputs;
using Highlights.Silo.Costs;
using Highlights.Silo.Keys;
using Highlights.Silo.Retention;
using Highlights.Silo.Studio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary>The silo's HTTP API and web studio: API-key or studio-cookie auth, problem details, OpenAPI, the video and cost endpoints, health and readiness.</summary>
public static class ApiHostingExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHighlightsApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.Section))
            .Configure<IConfiguration>((options, configuration) =>
                options.AllowedRoots = configuration.GetSection(ApiOptions.AllowedRootsKey).Get<string[]>() ?? [])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<CostLedger>();
        services.AddSingleton<SourcePathGuard>();
        services.AddSingleton<UploadReceiver>();
        services.AddSingleton<ClientPaths>();
        services.AddSingleton<TenantVideos>();
        services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService<RetentionService>();

        // Replaces the pipeline's unrestricted guard: the worker re-checks every file it opens against the same roots
        // as the submit did, plus the upload folder.
        services.AddSingleton(sp => new InputFileGuard(
            [.. sp.GetRequiredService<IOptions<ApiOptions>>().Value.AllowedRoots, sp.GetRequiredService<UploadReceiver>().Directory]));
        services.AddProblemDetails();
        services.AddExceptionHandler<ClientFaultExceptionHandler>();
        builder.AddHighlightsStudio();
        services.AddAuthorization();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapHighlightsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var idle = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.BodyIdleTimeout;
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Use((context, next) =>
        {
            context.Request.Body = new IdleTimeoutStream(context.Request.BodyReader, idle, time);
            return next(context);
        });
        app.MapHighlightsStudio();
        app.UseAuthentication();
        app.UseStudioAntiforgery();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapVideosApi();
        app.MapCostsApi();
        app.MapReviewApi();
        return app;
    }
}
