using System.Buffers.Binary;
using System.Text;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>
/// A Whisper model in the real ggml format with random weights, built around the test model's mel filters and
/// vocabulary: one 64-wide layer on each side and a 16-token text context. It hears nothing true but says something,
/// quickly and the same way every time, so segments, tokens, words and their times go through the binding, which
/// the weightless test model never reaches.
/// </summary>
public static class NonsenseWhisperModel
{
    private const int Width = 64;
    private const int TextContext = 16;
    private const int F32 = 0;
    private const int F16 = 1;

    public static void Write(string path, int seed = 1)
    {
        var source = File.ReadAllBytes(RepoPaths.WhisperTestModel);
        var header = new int[12];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = BinaryPrimitives.ReadInt32LittleEndian(source.AsSpan(i * 4));
        }

        var (vocabulary, audioContext, mels) = (header[1], header[2], header[10]);
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(header[0]);
        foreach (var value in new[] { vocabulary, audioContext, Width, 1, 1, TextContext, Width, 1, 1, mels, F16 })
        {
            writer.Write(value);
        }

        writer.Write(source, 48, MelAndVocabularyLength(source));
        var random = new Random(seed);
        void Tensor(string name, int type, params int[] dims)
        {
            writer.Write(dims.Length);
            writer.Write(name.Length);
            writer.Write(type);
            foreach (var d in dims)
            {
                writer.Write(d);
            }

            writer.Write(Encoding.ASCII.GetBytes(name));
            for (var n = dims.Aggregate(1, (a, b) => a * b); n > 0; n--)
            {
                // Box-Muller: normal weights with a standard deviation of 0.5.
                var value = (float)(0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
                if (type == F16)
                {
                    writer.Write((Half)value);
                }
                else
                {
                    writer.Write(value);
                }
            }
        }

        void Block(string prefix, bool cross)
        {
            Tensor($"{prefix}mlp_ln.weight", F32, Width);
            Tensor($"{prefix}mlp_ln.bias", F32, Width);
            Tensor($"{prefix}mlp.0.weight", F16, Width, 4 * Width);
            Tensor($"{prefix}mlp.0.bias", F32, 4 * Width);
            Tensor($"{prefix}mlp.2.weight", F16, 4 * Width, Width);
            Tensor($"{prefix}mlp.2.bias", F32, Width);
            foreach (var attention in cross ? new[] { "attn", "cross_attn" } : ["attn"])
            {
                Tensor($"{prefix}{attention}_ln.weight", F32, Width);
                Tensor($"{prefix}{attention}_ln.bias", F32, Width);
                Tensor($"{prefix}{attention}.query.weight", F16, Width, Width);
                Tensor($"{prefix}{attention}.query.bias", F32, Width);
                Tensor($"{prefix}{attention}.key.weight", F16, Width, Width);
                Tensor($"{prefix}{attention}.value.weight", F16, Width, Width);
                Tensor($"{prefix}{attention}.value.bias", F32, Width);
                Tensor($"{prefix}{attention}.out.weight", F16, Width, Width);
                Tensor($"{prefix}{attention}.out.bias", F32, Width);
            }
        }

        Tensor("encoder.positional_embedding", F32, Width, audioContext);
        Tensor("encoder.conv1.weight", F16, 3, mels, Width);
        Tensor("encoder.conv1.bias", F32, 1, Width);
        Tensor("encoder.conv2.weight", F16, 3, Width, Width);
        Tensor("encoder.conv2.bias", F32, 1, Width);
        Tensor("encoder.ln_post.weight", F32, Width);
        Tensor("encoder.ln_post.bias", F32, Width);
        Block("encoder.blocks.0.", cross: false);
        Tensor("decoder.positional_embedding", F32, Width, TextContext);
        Tensor("decoder.token_embedding.weight", F16, Width, vocabulary);
        Tensor("decoder.ln.weight", F32, Width);
        Tensor("decoder.ln.bias", F32, Width);
        Block("decoder.blocks.0.", cross: true);
    }

    /// <summary>Bytes of the mel filter bank and vocabulary that follow the 48-byte header.</summary>
    private static int MelAndVocabularyLength(byte[] model)
    {
        var at = 48;
        var filters = BinaryPrimitives.ReadInt32LittleEndian(model.AsSpan(at)) * BinaryPrimitives.ReadInt32LittleEndian(model.AsSpan(at + 4));
        at += 8 + (filters * sizeof(float));
        var words = BinaryPrimitives.ReadInt32LittleEndian(model.AsSpan(at));
        at += 4;
        for (var i = 0; i < words; i++)
        {
            at += 4 + BinaryPrimitives.ReadInt32LittleEndian(model.AsSpan(at));
        }

        return at - 48;
    }
}
