using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Cli.Output;

/// <summary>
/// Puts the results in the user's output folder. Each file is written beside its final name and renamed into
/// place, so the folder never holds a half-written EDL or reel; the report goes last and marks the set complete.
/// </summary>
public static class OutputPublisher
{
    public const string EdlFileName = "edl.json";
    public const string RenderFileName = "highlights.mp4";
    public const string ReportFileName = "report.json";

    public static async Task PublishAsync(string outputDirectory, JsonElement edl, string renderedFile, RunReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        await WriteJsonAsync(Path.Combine(outputDirectory, EdlFileName), edl, cancellationToken);
        await AtomicFile.CopyAsync(renderedFile, Path.Combine(outputDirectory, RenderFileName), cancellationToken);
        await WriteJsonAsync(Path.Combine(outputDirectory, ReportFileName), report, cancellationToken);
    }

    /// <summary>A run the budget stopped has no EDL or reel; its report says what was finished and how to go on.</summary>
    public static Task PublishStoppedAsync(string outputDirectory, BudgetStopReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        return WriteJsonAsync(Path.Combine(outputDirectory, ReportFileName), report, cancellationToken);
    }

    private static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, stream => JsonSerializer.SerializeAsync(stream, value, StateJson.Indented, cancellationToken), cancellationToken);
}
