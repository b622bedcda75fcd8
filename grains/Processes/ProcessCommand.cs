using System.Globalization;
using System.Text;

namespace Highlights.Grains.Processes;

/// <summary>An external program and its arguments as a list: never a shell string, so no quoting bugs or injection.</summary>
public sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static ProcessCommand Of(string fileName, params IEnumerable<string> arguments) => new(fileName, arguments.ToArray());

    /// <summary>Seconds formatted invariantly with millisecond precision, as ffmpeg expects them.</summary>
    public static string Seconds(double seconds) => seconds.ToString("0.000###", CultureInfo.InvariantCulture);

    /// <summary>A copy-pasteable rendering for error messages and logs.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Quote(FileName));
        foreach (var argument in Arguments)
        {
            builder.Append(' ').Append(Quote(argument));
        }

        return builder.ToString();
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+,@%".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
