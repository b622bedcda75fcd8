using System.Security.Claims;

namespace Highlights.Silo.Api;

public static class TenantExtensions
{
    /// <summary>The authenticated key's tenant; endpoints that call this require authorization, so it is always there.</summary>
    public static string Tenant(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.TenantClaim) ?? throw new InvalidOperationException("request is not authenticated");
}
