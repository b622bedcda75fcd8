namespace Highlights.Grains.Audio;

/// <summary>
/// The ITU-R BS.1770 K-weighting pre-filter (high shelf, then RLB high-pass). The standard gives coefficients at
/// 48 kHz only; these are derived for any rate from the analogue prototypes, as libebur128 does.
/// </summary>
internal struct KWeighting
{
    private Biquad shelf;
    private Biquad highPass;

    public KWeighting(int sampleRate)
    {
        {
            const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
            var k = Math.Tan(Math.PI * f0 / sampleRate);
            var vh = Math.Pow(10, gainDb / 20);
            var vb = Math.Pow(vh, 0.4996667741545416);
            var a0 = 1 + (k / q) + (k * k);
            shelf = new Biquad(
                (vh + (vb * k / q) + (k * k)) / a0,
                2 * ((k * k) - vh) / a0,
                (vh - (vb * k / q) + (k * k)) / a0,
                2 * ((k * k) - 1) / a0,
                (1 - (k / q) + (k * k)) / a0);
        }

        {
            const double f0 = 38.13547087602444, q = 0.5003270373238773;
            var k = Math.Tan(Math.PI * f0 / sampleRate);
            var a0 = 1 + (k / q) + (k * k);
            highPass = new Biquad(1, -2, 1, 2 * ((k * k) - 1) / a0, (1 - (k / q) + (k * k)) / a0);
        }
    }

    public double Process(double sample) => highPass.Process(shelf.Process(sample));
}
