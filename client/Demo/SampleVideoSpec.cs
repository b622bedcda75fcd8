namespace Highlights.Cli.Demo;

/// <summary>Shape of a generated talk video. Tests use a small one; the demo a 720p one.</summary>
public sealed record SampleVideoSpec(int Width, int Height, int Fps, IReadOnlyList<DemoLine> Lines)
{
    /// <summary>Silence before the first line and between lines.</summary>
    public double GapSeconds { get; init; } = 0.7;

    /// <summary>Amplitude of the pink-noise "crowd" under excited lines (0..1).</summary>
    public double CrowdAmplitude { get; init; } = 0.6;

    public bool WithAudio { get; init; } = true;
}
