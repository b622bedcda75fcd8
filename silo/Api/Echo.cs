namespace Highlights.Silo.Api;

/// <summary>How much of a submitted value an error message repeats: enough to recognise it, never the whole of a huge one.</summary>
public static class Echo
{
    public const int MaxCharacters = 80;

    public static string Of(string value) =>
        value.Length <= MaxCharacters ? value : $"{value[..MaxCharacters]}… ({value.Length} characters)";
}
