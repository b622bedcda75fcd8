using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

public sealed record VideoIdentity(string VideoId, VideoSource Source, ProcessingOptions Options);
