namespace Highlights.Grains.State;

public sealed record VideoFailure(string Stage, FailureKind Kind, string Message, DateTimeOffset At);
