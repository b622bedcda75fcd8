using Highlights.Silo.Api;
using Highlights.Silo.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Silo.Studio;

/// <summary>Every cookie request re-checks its key, as a Bearer request does: a revoked key (or one moved to another tenant) signs the session out.</summary>
public static class SessionRevalidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirst(StudioAuthentication.KeyHashClaim)?.Value;
        var tenant = context.Principal?.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value;
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyStore>();
        if (hash is null || tenant is null || await keys.FindTenantByHashAsync(Convert.FromHexString(hash), context.HttpContext.RequestAborted) != tenant)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StudioAuthentication.CookieScheme);
        }
    }
}
