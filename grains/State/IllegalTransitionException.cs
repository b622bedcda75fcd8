namespace Highlights.Grains.State;

public sealed class IllegalTransitionException(string message) : InvalidOperationException(message);
