namespace Highlights.Silo.Cluster;

/// <summary>This process's name in the cluster: host, process id and a random suffix, so a restarted silo is a new one.</summary>
public sealed class SiloIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
