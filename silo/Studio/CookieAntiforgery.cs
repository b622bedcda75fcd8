using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Highlights.Silo.Studio;

/// <summary>
/// CSRF protection: a state-changing request that rides on the session cookie, or that signs in, must carry the
/// antiforgery token in the <c>Highlights-Csrf</c> header (the sign-in form may send it as a field instead).
/// Bearer requests carry no ambient credential, so they pass as before.
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!Changes(context.Request.Method) || !Guarded(context))
        {
            await next(context);
            return;
        }

        var signIn = context.Request.Path.StartsWithSegments("/studio/session");
        // Only the small sign-in form may be read for a token field: reading an upload's form would buffer the file.
        if (!signIn && !context.Request.Headers.ContainsKey(StudioAuthentication.AntiforgeryHeader))
        {
            await RejectAsync(context, $"a request with the studio's session cookie must send the '{StudioAuthentication.AntiforgeryHeader}' header from GET /studio/session");
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await RejectAsync(context, "the antiforgery token is missing, expired or not this session's; reload the studio");
            return;
        }

        await next(context);
    }

    private static bool Guarded(HttpContext context) =>
        context.User.Identity?.AuthenticationType == StudioAuthentication.CookieScheme
        || (context.Request.Path.StartsWithSegments("/studio/session") && HttpMethods.IsPost(context.Request.Method));

    private static bool Changes(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static Task RejectAsync(HttpContext context, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token required", detail: detail).ExecuteAsync(context);
}
