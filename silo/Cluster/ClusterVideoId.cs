using System.Security.Cryptography;
using System.Text;

namespace Highlights.Silo.Cluster;

/// <summary>
/// A video's id in the cluster: the content id (source hash + options, as the CLI computes it) scoped to the tenant,
/// so tenants never share a video, its state or its costs, and the same submission by one tenant is idempotent.
/// </summary>
public static class ClusterVideoId
{
    public static string For(string tenant, string contentVideoId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant}\n{contentVideoId}"));
        return Convert.ToHexStringLower(bytes)[..20];
    }
}
