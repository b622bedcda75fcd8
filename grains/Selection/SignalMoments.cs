using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <summary>
/// Groups the signals stage's peak events (audio excitement, visual reaction) into moments: events whose spans
/// overlap or lie closer than <see cref="JoinGapSeconds"/> are one moment, so a roar and the reaction it draws, a
/// little apart, give starts and ends from both. Pure.
/// </summary>
public static class SignalMoments
{
    /// <summary>A reaction often follows the sound that caused it by a beat; closer than this it is the same moment.</summary>
    public const double JoinGapSeconds = 1;

    /// <summary>The event types that mark a moment, with the name their edges carry in a segment's reasons.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>
    {
        [SignalEventTypes.ExcitementPeak] = "audio excitement",
        [SignalEventTypes.ReactionPeak] = "visual reaction",
    };

    public static List<SignalMoment> From(IEnumerable<SignalEvent> events)
    {
        var spans = events
            .Where(e => Sources.ContainsKey(e.Type) && e.End > e.Start)
            .OrderBy(e => e.Start)
            .ThenBy(e => e.End)
            .ToList();
        var moments = new List<SignalMoment>();
        var group = new List<SignalEvent>();
        var groupEnd = double.NegativeInfinity;
        foreach (var span in spans)
        {
            if (group.Count > 0 && span.Start > groupEnd + JoinGapSeconds)
            {
                moments.Add(Moment(group));
                group.Clear();
            }

            group.Add(span);
            groupEnd = group.Count == 1 ? span.End : Math.Max(groupEnd, span.End);
        }

        if (group.Count > 0)
        {
            moments.Add(Moment(group));
        }

        return moments;
    }

    private static SignalMoment Moment(List<SignalEvent> group) =>
        new(
            [.. group.Select(e => new SignalEdge(e.Start, Sources[e.Type], Rise: true)).Distinct().OrderBy(e => e.Time)],
            [.. group.Select(e => new SignalEdge(e.End, Sources[e.Type], Rise: false)).Distinct().OrderBy(e => e.Time)]);
}
