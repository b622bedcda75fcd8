using System.Text;

namespace Highlights.Grains.Render;

/// <summary>
/// Escapes text for an ffmpeg filter option value inside a filtergraph: once for the option parser (<c>\ ' :</c>),
/// then again for the graph parser (<c>\ ' [ ] , ;</c>), as ffmpeg-filters' "Notes on filtergraph escaping" describes.
/// </summary>
public static class FilterEscape
{
    public static string OptionValue(string value) => Escape(Escape(value, "\\':"), "\\'[],;");

    private static string Escape(string value, string special)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (special.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
