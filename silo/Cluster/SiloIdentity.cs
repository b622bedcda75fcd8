namespace Highlights.Silo.Cluster;

/// <summary>This process's name in the cluster: host, process id and a random suffix, so a restarted silo is a new one.</summary>
public sealed class SiloIdentity
{
    public SiloIdentity()
        : this($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}")
    {
    }

    private SiloIdentity(string id) => Id = id;

    public string Id { get; }

    /// <summary>An identity with a chosen name, for tests that play several silos in one process.</summary>
    public static SiloIdentity Named(string id) => new(id);
}
