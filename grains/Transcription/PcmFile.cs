using System.Runtime.InteropServices;

namespace Highlights.Grains.Transcription;

/// <summary>Reads a stretch of the 32-bit float PCM the audio stage extracted, straight into a float array.</summary>
public static class PcmFile
{
    public static float[] Read(string path, long firstSample, int count)
    {
        var samples = new float[count];
        using var handle = File.OpenHandle(path);
        var bytes = MemoryMarshal.AsBytes(samples.AsSpan());
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes[read..], (firstSample * sizeof(float)) + read);
            if (n == 0)
            {
                return samples[..(read / sizeof(float))];
            }

            read += n;
        }

        return samples;
    }
}
