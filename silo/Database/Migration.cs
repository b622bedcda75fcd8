using System.Globalization;

namespace Highlights.Silo.Database;

/// <summary>One versioned SQL script, named <c>NNNN_what.sql</c>; the number orders it and records it as applied.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public static Migration Parse(string fileName, string sql)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidDataException($"migration {fileName}: the name must start with its version number, as in 0001_initial.sql");
        }

        return new Migration(version, Path.GetFileNameWithoutExtension(fileName), sql);
    }
}
