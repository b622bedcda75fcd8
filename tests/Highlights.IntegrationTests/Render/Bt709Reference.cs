namespace Highlights.IntegrationTests.Render;

/// <summary>
/// What an SMPTE 170M (BT.601 NTSC primaries) RGB colour is in BT.709 RGB: decode to linear light with the BT.1886
/// display gamma (2.4), change primaries through CIE XYZ (both white points D65), encode again. Written out from the
/// standards, independent of ffmpeg, as the yardstick for the render's colour conversion.
/// </summary>
public static class Bt709Reference
{
    private static readonly double[,] Smpte170mToBt709 = Multiply(Invert(ToXyz(0.64, 0.33, 0.30, 0.60, 0.15, 0.06)), ToXyz(0.630, 0.340, 0.310, 0.595, 0.155, 0.070));

    public static (double R, double G, double B) FromSmpte170m(byte r, byte g, byte b)
    {
        double[] linear = [Math.Pow(r / 255.0, 2.4), Math.Pow(g / 255.0, 2.4), Math.Pow(b / 255.0, 2.4)];
        double Channel(int row)
        {
            var value = (Smpte170mToBt709[row, 0] * linear[0]) + (Smpte170mToBt709[row, 1] * linear[1]) + (Smpte170mToBt709[row, 2] * linear[2]);
            return 255 * Math.Pow(Math.Clamp(value, 0, 1), 1 / 2.4);
        }

        return (Channel(0), Channel(1), Channel(2));
    }

    /// <summary>The RGB-to-XYZ matrix of a set of primaries with a D65 white.</summary>
    private static double[,] ToXyz(double rx, double ry, double gx, double gy, double bx, double by)
    {
        const double wx = 0.3127, wy = 0.3290;
        var primaries = new double[,]
        {
            { rx / ry, gx / gy, bx / by },
            { 1, 1, 1 },
            { (1 - rx - ry) / ry, (1 - gx - gy) / gy, (1 - bx - by) / by },
        };
        var white = new[] { wx / wy, 1, (1 - wx - wy) / wy };
        var inverse = Invert(primaries);
        var scale = new double[3];
        for (var i = 0; i < 3; i++)
        {
            scale[i] = (inverse[i, 0] * white[0]) + (inverse[i, 1] * white[1]) + (inverse[i, 2] * white[2]);
        }

        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                result[i, j] = primaries[i, j] * scale[j];
            }
        }

        return result;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                result[i, j] = (a[i, 0] * b[0, j]) + (a[i, 1] * b[1, j]) + (a[i, 2] * b[2, j]);
            }
        }

        return result;
    }

    private static double[,] Invert(double[,] m)
    {
        var det = (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
            - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
            + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));
        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                // Cofactor of (j, i), for the transpose.
                var r0 = (j + 1) % 3;
                var r1 = (j + 2) % 3;
                var c0 = (i + 1) % 3;
                var c1 = (i + 2) % 3;
                result[i, j] = ((m[r0, c0] * m[r1, c1]) - (m[r0, c1] * m[r1, c0])) / det;
            }
        }

        return result;
    }
}
