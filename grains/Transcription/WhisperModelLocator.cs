namespace Highlights.Grains.Transcription;

/// <summary>Turns a model as the user names it (a catalog name or a file path) into a file, and says how to get a missing one.</summary>
public static class WhisperModelLocator
{
    /// <summary>A catalog name means <c>ggml-NAME.bin</c> in <paramref name="modelsDirectory"/>; anything else is a path.</summary>
    public static string PathFor(string model, string modelsDirectory) =>
        WhisperModelCatalog.Find(model) is { } known
            ? Path.GetFullPath(Path.Combine(modelsDirectory, known.FileName))
            : Path.GetFullPath(model);

    /// <summary>The message for a model whose file is not there: the file, and the command (or the choices) that fix it.</summary>
    public static string Missing(string model, string path) =>
        WhisperModelCatalog.Find(model) is not null
            ? $"Whisper model {model} not found: {path} does not exist; get it with: ./highlights models download {model}"
            : $"Whisper model file {path} not found; pass a ggml model file, or a model name ({WhisperModelCatalog.Names}) and get it with: ./highlights models download NAME";
}
