namespace Highlights.Silo.Studio;

/// <summary>Answer of <c>GET</c>, <c>POST</c> and <c>DELETE /studio/session</c>.</summary>
/// <param name="Tenant">The signed-in tenant; null when the request has no session.</param>
/// <param name="Antiforgery">Send it as the <c>Highlights-Csrf</c> header on every POST, PUT and DELETE.</param>
public sealed record SessionView(string? Tenant, string Antiforgery);
