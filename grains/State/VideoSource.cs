namespace Highlights.Grains.State;

/// <summary>The input file as it was when the video was created; the hash is part of the video's identity.</summary>
public sealed record VideoSource(string Path, long SizeBytes, string Sha256);
