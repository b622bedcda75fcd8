namespace Highlights.Grains.Audio;

/// <summary>A second-order IIR section (direct form II transposed), run in double precision to keep the 38 Hz high-pass stable.</summary>
internal struct Biquad(double b0, double b1, double b2, double a1, double a2)
{
    private double z1;
    private double z2;

    public double Process(double x)
    {
        var y = (b0 * x) + z1;
        z1 = (b1 * x) - (a1 * y) + z2;
        z2 = (b2 * x) - (a2 * y);
        return y;
    }
}
