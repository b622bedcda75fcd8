using Highlights.Client.Contracts;

namespace Highlights.Silo.Api;

/// <summary>Answer of <c>GET /v1/videos</c>: the tenant's latest videos, newest first.</summary>
public sealed record VideoList(IReadOnlyList<VideoView> Videos);
