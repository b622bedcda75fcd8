namespace Highlights.IntegrationTests.Whisper;

/// <summary>
/// A test that needs real Whisper weights: runs when <c>HIGHLIGHTS_WHISPER_MODEL</c> names a ggml model file (none can
/// be downloaded on the CI machines), and is skipped with that reason otherwise.
/// </summary>
public sealed class RealWhisperModelFactAttribute : FactAttribute
{
    public const string Variable = "HIGHLIGHTS_WHISPER_MODEL";

    public RealWhisperModelFactAttribute()
    {
        if (string.IsNullOrEmpty(ModelPath))
        {
            Skip = $"set {Variable} to a real ggml model (e.g. from './highlights models download base.en') to run this test";
        }
    }

    public static string? ModelPath => Environment.GetEnvironmentVariable(Variable);
}
