using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.State;

/// <summary>Configuration section <c>State</c>: where checkpoints and per-video work files live.</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>Root of the state directory (<c>HIGHLIGHTS_STATE__DIRECTORY</c>). Default <c>$XDG_STATE_HOME/highlights</c> or <c>~/.local/state/highlights</c>.</summary>
    [Required]
    public string Directory { get; set; } = DefaultDirectory();

    private static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "highlights");
    }
}
