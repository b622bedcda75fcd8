namespace Highlights.Silo.Costs;

public enum CostGrouping
{
    Video,
    Model,
    Day,
}
