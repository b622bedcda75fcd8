namespace Highlights.Grains.Signals;

/// <summary>Checkpoint of the signals stage: the document, and how long its two halves took (kept out of signals.json, which depends only on the input).</summary>
public sealed record SignalsResult(SignalsDocument Signals, SignalsTiming Timing);

/// <summary>Wall time of the audio analysis (spectral features, excitement) and of the visual one (decode and frame analysis).</summary>
public sealed record SignalsTiming(double AudioSeconds, double VisualSeconds);
