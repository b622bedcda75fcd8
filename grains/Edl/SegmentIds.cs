using System.Globalization;
using System.Text.RegularExpressions;

namespace Highlights.Grains.Edl;

/// <summary>
/// Segment ids of an edited EDL, as docs/edl-v1.schema.json spells them (<c>s001</c>): an edit keeps the ids it was
/// given, which must be of that form and unique, and a segment added without one gets the next number after the highest.
/// </summary>
public static partial class SegmentIds
{
    /// <summary>The first id that is malformed or repeated, as a problem naming its segment; null when all are fine.</summary>
    public static EdlProblem? Check(IReadOnlyList<EdlSegment> segments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var id = segments[i].Id;
            if (string.IsNullOrEmpty(id))
            {
                continue;
            }

            if (!Form().IsMatch(id))
            {
                return new EdlProblem(i + 1, null, "id", "must be 's' and three or more digits, such as s001; leave it out for a new segment");
            }

            if (!seen.Add(id))
            {
                return new EdlProblem(i + 1, id, "id", "is already the id of a segment above it");
            }
        }

        return null;
    }

    /// <summary>The segments with an id each: those without one numbered on from the highest given.</summary>
    public static IReadOnlyList<EdlSegment> Assign(IReadOnlyList<EdlSegment> segments)
    {
        var next = segments
            .Where(s => !string.IsNullOrEmpty(s.Id))
            .Select(s => long.Parse(s.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max() + 1;
        return [.. segments.Select(s => string.IsNullOrEmpty(s.Id) ? s with { Id = string.Create(CultureInfo.InvariantCulture, $"s{next++:000}") } : s)];
    }

    [GeneratedRegex("^s[0-9]{3,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
