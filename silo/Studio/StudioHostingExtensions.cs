using System.Reflection;
using Highlights.Silo.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Studio;

/// <summary>
/// The web studio: its session cookie as a second way in to every <c>/v1</c> route (the API key's tenant either way),
/// antiforgery on cookie requests, data-protection keys shared through the database, and the page itself, served from files embedded in the silo (no CDN).
/// </summary>
public static class StudioHostingExtensions
{
    private const string AssetNamespace = "studio";

    // The page loads nothing from elsewhere and runs no inline script: a CSP that says so blunts an injection.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>Authentication for the API and the studio: Bearer API key, or the studio's cookie.</summary>
    public static IHostApplicationBuilder AddHighlightsStudio(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("highlights");
        services.AddSingleton<PostgresXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((options, repository) => options.XmlRepository = repository);
        services.AddOptions<StudioOptions>().Bind(builder.Configuration.GetSection(StudioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(StudioAuthentication.BearerOrCookie)
            .AddPolicyScheme(StudioAuthentication.BearerOrCookie, "Bearer API key or studio session", options =>
            {
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey("Authorization")
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : StudioAuthentication.CookieScheme;
                // A refused request is told how to authenticate as the API says, never redirected to a login page.
                options.ForwardChallenge = ApiKeyAuthenticationHandler.SchemeName;
                options.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(StudioAuthentication.CookieScheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(StudioAuthentication.CookieScheme)
            .Configure<IOptions<StudioOptions>>((options, studio) =>
            {
                options.Cookie.Name = StudioAuthentication.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = studio.Value.SessionLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SessionRevalidation.ValidateAsync;
            });
        services.AddAntiforgery(options =>
        {
            options.HeaderName = StudioAuthentication.AntiforgeryHeader;
            options.FormFieldName = "csrf";
            options.Cookie.Name = StudioAuthentication.AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>Runs after authentication: the antiforgery check needs to know whether the cookie signed the request in.</summary>
    public static WebApplication UseStudioAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<CookieAntiforgery>();
        return app;
    }

    public static WebApplication MapHighlightsStudio(this WebApplication app)
    {
        var assets = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), AssetNamespace);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/studio"),
            studio => studio.Use((context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                return next(context);
            }));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets, RequestPath = "/studio" });
        app.MapGet("/studio", () => TypedResults.Stream(assets.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapStudioSession();
        return app;
    }
}
