namespace Highlights.Grains.Actor;

/// <summary>The input cannot be processed as given. The message is one line naming the file and the reason.</summary>
public sealed class InputRejectedException(string message) : Exception(message);
