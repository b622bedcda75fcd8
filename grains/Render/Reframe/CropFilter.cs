using System.Globalization;
using System.Text;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// ffmpeg's crop filter for a segment's crop path. The window moves linearly between keyframes, written as one flat sum
/// <c>x0 + Σ slope·clip(t - tₖ, 0, tₖ₊₁ - tₖ)</c> evaluated per frame (t is seconds into the segment): no nesting, so a
/// long path neither nests ifs nor recurses deeply in ffmpeg's expression evaluator.
/// </summary>
public static class CropFilter
{
    public static string For(int width, int height, EdlReframe? reframe, FrameGeometry geometry)
    {
        var keyframes = reframe?.Keyframes is { Count: > 0 } path ? path : [new CropKeyframe(0, geometry.CentreX, geometry.CentreY)];
        var x = Expression(keyframes, k => Math.Clamp(k.X, 0, geometry.MaxX));
        var y = Expression(keyframes, k => Math.Clamp(k.Y, 0, geometry.MaxY));
        return string.Create(CultureInfo.InvariantCulture, $"crop=w={width}:h={height}:x={x}:y={y}");
    }

    private static string Expression(IReadOnlyList<CropKeyframe> keyframes, Func<CropKeyframe, int> coordinate)
    {
        var start = coordinate(keyframes[0]);
        var terms = new StringBuilder();
        for (var i = 1; i < keyframes.Count; i++)
        {
            var span = keyframes[i].Time - keyframes[i - 1].Time;
            var rise = coordinate(keyframes[i]) - coordinate(keyframes[i - 1]);
            if (rise == 0 || span <= 0)
            {
                continue;
            }

            terms.Append(CultureInfo.InvariantCulture, $"{(rise > 0 ? "+" : "-")}{Math.Abs(rise) / span:0.####}*clip(t-{keyframes[i - 1].Time:0.####},0,{span:0.####})");
        }

        return terms.Length == 0
            ? start.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"'{start}{terms}'");
    }
}
