using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Hosting;

/// <summary>Configuration section <c>Prompts</c>: the folder of prompt templates and selector settings, read at run time.</summary>
public sealed class PromptsOptions
{
    public const string Section = "Prompts";

    /// <summary>
    /// Folder holding <c>offline-selector.json</c> and the LLM prompt templates (<c>HIGHLIGHTS_PROMPTS__DIRECTORY</c>).
    /// Default: the <c>prompts/</c> folder of the checkout the program runs from.
    /// </summary>
    [Required(ErrorMessage = "Prompts:Directory is not set and no prompts/ folder was found above the program; set HIGHLIGHTS_PROMPTS__DIRECTORY")]
    public string? Directory { get; set; } = FindUpwards(AppContext.BaseDirectory, "prompts");

    /// <summary>The nearest <paramref name="name"/> folder in <paramref name="start"/> or one of its parents.</summary>
    public static string? FindUpwards(string start, string name)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
