namespace Highlights.Grains.Captions;

/// <summary>
/// Finds caption files next to a video the way players do: <c>talk.srt</c>, <c>talk.vtt</c>, or language-tagged
/// <c>talk.en.srt</c>. Exact names win, then English, then the rest in name order, so the choice is deterministic.
/// </summary>
public static class SidecarCaptions
{
    private static readonly string[] Extensions = [".srt", ".vtt"];

    public static string? Choose(string videoPath, IEnumerable<string> siblingFileNames)
    {
        var stem = Path.GetFileNameWithoutExtension(videoPath);
        var candidates = siblingFileNames
            .Where(name => Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            .Select(name => (Name: name, Rank: Rank(stem, Path.GetFileNameWithoutExtension(name))))
            .Where(c => c.Rank >= 0)
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 0 ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(videoPath))!, candidates[0].Name);
    }

    public static string? Find(string videoPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(videoPath));
        return directory is null || !Directory.Exists(directory)
            ? null
            : Choose(videoPath, Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>());
    }

    private static int Rank(string videoStem, string captionStem)
    {
        if (captionStem.Equals(videoStem, StringComparison.Ordinal))
        {
            return 0;
        }

        if (!captionStem.StartsWith(videoStem + ".", StringComparison.Ordinal))
        {
            return -1;
        }

        var language = captionStem[(videoStem.Length + 1)..];
        return language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
    }
}
