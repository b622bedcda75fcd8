using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>A video's identity: the source content hash plus the options that shape the output.</summary>
public static class VideoId
{
    public static string For(string sourceSha256, ProcessingOptions options)
    {
        // Options are serialised without the caption path (the same captions at another path are the same video)
        // and without run-time limits such as the budget.
        var identity = JsonSerializer.Serialize(options.IdentityOnly(), StateJson.Options);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceSha256}\n{identity}"));
        return Convert.ToHexStringLower(bytes)[..20];
    }
}
