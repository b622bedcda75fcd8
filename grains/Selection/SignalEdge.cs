using System.Globalization;

namespace Highlights.Grains.Selection;

/// <summary>Where a signal rises into (<see cref="Rise"/>) or falls out of a marked moment, at <see cref="Time"/> seconds.</summary>
public sealed record SignalEdge(double Time, string Source, bool Rise)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Source} {(Rise ? "rise" : "fall")} at {Time:0.0#} s");
}
