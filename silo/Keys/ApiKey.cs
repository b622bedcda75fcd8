using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Highlights.Silo.Keys;

/// <summary>
/// API keys: 256 random bits, base64url, behind a recognisable prefix. Only their SHA-256 is stored: for keys this
/// random a fast hash is enough (nothing to brute-force), and it lets a lookup be one index probe.
/// </summary>
public static partial class ApiKey
{
    public const string Prefix = "hlk_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>The first characters, stored in clear so an operator can tell keys apart.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)];

    public static bool IsValidTenant(string tenant) => TenantPattern().IsMatch(tenant);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex TenantPattern();
}
