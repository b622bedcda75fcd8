namespace Highlights.TestSupport;

/// <summary>What the scripted server does with one request.</summary>
public abstract record ScriptedReply
{
    /// <summary>A completion whose message is <paramref name="Content"/>, with usage figures unless <paramref name="Usage"/> is null.</summary>
    public sealed record Answer(string Content, (int Input, int Output)? Usage) : ScriptedReply;

    public sealed record Status(int Code, string? RetryAfter = null) : ScriptedReply;

    /// <summary>No reply until the client gives up (or the server stops).</summary>
    public sealed record Hang : ScriptedReply;
}
