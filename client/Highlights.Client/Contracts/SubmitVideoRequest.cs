namespace Highlights.Client.Contracts;

/// <summary>Body of <c>POST /v1/videos</c>: a source path under one of the server's allowed roots, and the options.</summary>
public sealed record SubmitVideoRequest
{
    /// <summary>Absolute path of the video on the server's storage.</summary>
    public required string Source { get; init; }

    /// <summary>Target length of the reel in seconds. Default 60.</summary>
    public double? TargetDuration { get; init; }

    /// <summary>Caption file (.srt/.vtt) on the server's storage, under an allowed root.</summary>
    public string? Captions { get; init; }

    /// <summary>Accept HDR input and tone-map it to SDR.</summary>
    public bool? ToneMap { get; init; }
}
