namespace Highlights.Grains.Actor;

/// <summary>What a video grain tells its observer as it runs; the CLI draws these, the silo will turn them into metrics.</summary>
public abstract record PipelineEvent(string Stage)
{
    public sealed record Skipped(string Stage, double CheckpointSeconds) : PipelineEvent(Stage);

    public sealed record Started(string Stage) : PipelineEvent(Stage);

    public sealed record Progressed(string Stage, double Fraction, string? Detail) : PipelineEvent(Stage);

    public sealed record Completed(string Stage, TimeSpan Duration) : PipelineEvent(Stage);

    public sealed record Failed(string Stage, string Message) : PipelineEvent(Stage);

    /// <summary>The stage stopped on purpose (a budget was reached); its finished work is kept.</summary>
    public sealed record Stopped(string Stage, string Message) : PipelineEvent(Stage);
}
