using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Keys;

/// <summary>The <c>api_keys</c> table: creates keys (returned once, stored hashed) and finds the tenant of a presented key.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource db, TimeProvider time)
{
    /// <returns>The new key in clear; it cannot be recovered later.</returns>
    public async Task<string> CreateAsync(string tenant, CancellationToken cancellationToken)
    {
        if (!ApiKey.IsValidTenant(tenant))
        {
            throw new ArgumentException($"tenant '{tenant}': use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit", nameof(tenant));
        }

        var key = ApiKey.Generate();
        await using var command = db.CreateCommand(
            "insert into api_keys (tenant, key_sha256, prefix, created_at) values (@tenant, @hash, @prefix, @now)");
        command.With("tenant", tenant).With("hash", ApiKey.Hash(key)).With("prefix", ApiKey.DisplayPrefix(key)).WithTimestamp("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return key;
    }

    /// <returns>The key's tenant, or null for an unknown or revoked key.</returns>
    public Task<string?> FindTenantAsync(string key, CancellationToken cancellationToken) => FindTenantByHashAsync(ApiKey.Hash(key), cancellationToken);

    /// <summary>As <see cref="FindTenantAsync"/>, from the key's SHA-256: a studio session keeps only that.</summary>
    public async Task<string?> FindTenantByHashAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select tenant from api_keys where key_sha256 = @hash and revoked_at is null");
        command.With("hash", hash);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Tenants with at least one key not revoked.</summary>
    public async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select distinct tenant from api_keys where revoked_at is null order by tenant");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(reader.GetString(0));
        }

        return tenants;
    }
}
