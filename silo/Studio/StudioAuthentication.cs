namespace Highlights.Silo.Studio;

/// <summary>Names shared by the studio's session cookie, its antiforgery token and the scheme that picks Bearer or cookie.</summary>
public static class StudioAuthentication
{
    /// <summary>The default scheme: a request with an <c>Authorization</c> header is the API key's, any other the cookie's.</summary>
    public const string BearerOrCookie = "BearerOrCookie";

    public const string CookieScheme = "StudioCookie";
    public const string CookieName = "highlights-session";
    public const string AntiforgeryCookieName = "highlights-csrf";
    public const string AntiforgeryHeader = "Highlights-Csrf";

    /// <summary>The SHA-256 of the key the session signed in with, so a revoked key ends its sessions too.</summary>
    public const string KeyHashClaim = "key_sha256";
}
