namespace Highlights.Grains.Render.Captions;

/// <summary>A word and when it is spoken, in seconds on the reel.</summary>
public sealed record CaptionWord(double Start, double End, string Text);
