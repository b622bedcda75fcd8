using System.Security.Claims;
using System.Text.Json;
using Highlights.Silo.Api;
using Highlights.Silo.Keys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Highlights.Silo.Studio;

/// <summary>
/// <c>/studio/session</c>: sign in with an API key (form field or JSON <c>key</c>), which becomes the HttpOnly,
/// SameSite=Strict session cookie; read who is signed in with a fresh antiforgery token; sign out.
/// </summary>
public static class StudioSessionApi
{
    private const int MaxBodyBytes = 4096;

    public static IEndpointRouteBuilder MapStudioSession(this IEndpointRouteBuilder routes)
    {
        var session = routes.MapGroup("/studio/session").WithTags("Studio");
        session.MapGet("/", Read);
        session.MapPost("/", SignInAsync);
        session.MapDelete("/", SignOutAsync);
        return routes;
    }

    /// <summary>The signed-in tenant (null when none) and the antiforgery token the page sends on every change.</summary>
    public static Ok<SessionView> Read(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(View(context, antiforgery));

    public static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignInAsync(
        HttpContext context, ApiKeyStore keys, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        var key = await ReadKeyAsync(context.Request, cancellationToken);
        if (string.IsNullOrWhiteSpace(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "API key required", detail: "send the key as the form field or JSON property 'key'");
        }

        var hash = ApiKey.Hash(key.Trim());
        if (await keys.FindTenantByHashAsync(hash, cancellationToken) is not { } tenant)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "unknown or revoked API key");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ApiKeyAuthenticationHandler.TenantClaim, tenant), new Claim(StudioAuthentication.KeyHashClaim, Convert.ToHexString(hash))],
            StudioAuthentication.CookieScheme));
        await context.SignInAsync(StudioAuthentication.CookieScheme, principal);

        // The token is bound to who holds it: the page needs one for the session it just got.
        context.User = principal;
        return TypedResults.Ok(View(context, antiforgery));
    }

    /// <summary>Ends the session and answers, like <see cref="Read"/>, with a token for signing in again.</summary>
    public static async Task<Ok<SessionView>> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        await context.SignOutAsync(StudioAuthentication.CookieScheme);
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        return TypedResults.Ok(View(context, antiforgery));
    }

    private static SessionView View(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var tenant = context.User.Identity?.AuthenticationType == StudioAuthentication.CookieScheme
            ? context.User.FindFirstValue(ApiKeyAuthenticationHandler.TenantClaim)
            : null;
        return new SessionView(tenant, tokens.RequestToken!);
    }

    private static async Task<string?> ReadKeyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                return (await request.ReadFormAsync(cancellationToken))["key"].ToString();
            }

            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
                ? key.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }
}
