namespace Highlights.Grains.Captions;

/// <summary>A caption file that must not be parsed at all (binary, oversized, not SRT/VTT). The message says which rule it broke.</summary>
public sealed class CaptionRejectedException(string message) : Exception(message);
