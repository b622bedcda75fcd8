namespace Highlights.Grains.Selection;

public sealed record SignalPeak(double Time, double Value);
