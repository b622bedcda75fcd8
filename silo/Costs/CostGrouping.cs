namespace Highlights.Silo.Costs;

/// <summary>What a cost report sums by; its lower-case name is the <c>group</c> of the API and the CLI.</summary>
public enum CostGrouping
{
    Video,
    Model,
    Tenant,
    Day,
}
