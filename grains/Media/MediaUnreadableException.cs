namespace Highlights.Grains.Media;

/// <summary>ffprobe could not read the file; <see cref="Exception.Message"/> is ffprobe's own reason.</summary>
public sealed class MediaUnreadableException(string reason) : Exception(reason);
