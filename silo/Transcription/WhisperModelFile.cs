using System.Buffers.Binary;
using Highlights.Grains.Transcription;

namespace Highlights.Silo.Transcription;

/// <summary>
/// Walks a whisper.cpp ggml model file (magic, hyper-parameters, mel filters, vocabulary, tensor headers) without
/// reading the weights. whisper.cpp trusts these numbers: it allocates buffers of the sizes they give (an absurd
/// size throws inside C++ and ends the process), loads a file cut inside its header with made-up values, and does
/// not check that a tensor's data was all there. Whisper.net hands the file to whisper.cpp as it is, so this walk
/// stays: checked here first, such a file becomes an error naming it.
/// </summary>
internal static class WhisperModelFile
{
    private const uint Magic = 0x67676d6c; // "ggml", little-endian
    private const int MaxTensorDimensions = 4;

    /// <summary>Throws <see cref="TranscriberUnavailableException"/> naming <paramref name="path"/> when the file is damaged.</summary>
    public static WhisperModelSummary Check(string path)
    {
        if (!File.Exists(path))
        {
            throw new TranscriberUnavailableException($"Whisper model {path}: file not found");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        try
        {
            return Walk(new Reader(stream));
        }
        catch (InvalidDataException ex)
        {
            throw new TranscriberUnavailableException($"Whisper model {path}: {ex.Message}; the file is damaged or truncated, download it again", ex);
        }
    }

    internal static WhisperModelSummary Walk(Reader reader)
    {
        if (reader.UInt32("magic") != Magic)
        {
            throw new InvalidDataException("not a ggml Whisper model (bad magic)");
        }

        var vocabulary = reader.Int32("n_vocab", 1, 1 << 20);
        reader.Int32("n_audio_ctx", 1, 1 << 16);
        reader.Int32("n_audio_state", 1, 1 << 14);
        reader.Int32("n_audio_head", 1, 1 << 10);
        var audioLayers = reader.Int32("n_audio_layer", 1, 1 << 10);
        reader.Int32("n_text_ctx", 1, 1 << 16);
        reader.Int32("n_text_state", 1, 1 << 14);
        reader.Int32("n_text_head", 1, 1 << 10);
        var textLayers = reader.Int32("n_text_layer", 1, 1 << 10);
        var mels = reader.Int32("n_mels", 1, 1 << 10);
        reader.Int32("ftype", 0, int.MaxValue);

        var filterMels = reader.Int32("mel filter count", 1, 1 << 10);
        var filterBins = reader.Int32("mel filter size", 1, 1 << 14);
        reader.Skip((long)filterMels * filterBins * sizeof(float), "mel filters");

        var words = reader.Int32("vocabulary size", 0, 1 << 20);
        for (var i = 0; i < words; i++)
        {
            reader.Skip(reader.Int32("vocabulary entry length", 0, 1 << 16), "vocabulary");
        }

        var tensors = 0;
        while (!reader.AtEnd)
        {
            SkipTensor(reader);
            tensors++;
        }

        return new WhisperModelSummary(vocabulary, audioLayers, textLayers, mels, tensors);
    }

    private static void SkipTensor(Reader reader)
    {
        var dimensions = reader.Int32("tensor dimension count", 0, MaxTensorDimensions);
        var nameLength = reader.Int32("tensor name length", 1, 1 << 10);
        var type = reader.Int32("tensor type", 0, int.MaxValue);
        long elements = 1;
        for (var d = 0; d < dimensions; d++)
        {
            var size = reader.Int32("tensor dimension", 0, int.MaxValue);
            elements = size != 0 && elements > long.MaxValue / size ? throw new InvalidDataException("implausible tensor size") : elements * size;
        }

        reader.Skip(nameLength, "tensor name");
        reader.Skip(GgmlTypes.DataBytes(type, elements), "tensor data");
    }

    /// <summary>Little-endian reads that fail with what was being read and where, instead of running off the end.</summary>
    internal sealed class Reader(Stream stream)
    {
        private readonly byte[] buffer = new byte[4];

        public bool AtEnd => stream.Position >= stream.Length;

        public uint UInt32(string what)
        {
            if (stream.Length - stream.Position < sizeof(uint))
            {
                throw new InvalidDataException($"file ends at byte {stream.Length}, inside the {what}");
            }

            stream.ReadExactly(buffer);
            return BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        }

        public int Int32(string what, int min, int max)
        {
            var value = unchecked((int)UInt32(what));
            return value >= min && value <= max
                ? value
                : throw new InvalidDataException($"{what} {value} at byte {stream.Position - sizeof(int)} is outside {min}..{max}");
        }

        public void Skip(long bytes, string what)
        {
            if (stream.Length - stream.Position < bytes)
            {
                throw new InvalidDataException($"file ends at byte {stream.Length}, inside the {what} (needs {bytes} bytes from byte {stream.Position})");
            }

            stream.Seek(bytes, SeekOrigin.Current);
        }
    }
}
