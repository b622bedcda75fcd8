using System.Text;

namespace Highlights.UnitTests.Whisper;

/// <summary>Writes small whisper.cpp ggml model files: tiny-model hyper-parameters, a 2x3 mel filter bank, a short vocabulary, F16 tensors.</summary>
internal sealed class ModelFileBuilder
{
    public int DimensionCount { get; init; } = 2;

    public int TensorType { get; init; } = 1;

    public int MelFilterCount { get; init; } = 2;

    public uint Magic { get; init; } = 0x67676d6c;

    /// <summary>
    /// Lengths at which the file is whole up to a section: after the vocabulary (a model with no tensors, like
    /// whisper.cpp's test models), then after each tensor.
    /// </summary>
    public List<int> Boundaries { get; } = [];

    public byte[] Build(int tensors)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        foreach (var value in new[] { 51864, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1 })
        {
            writer.Write(value);
        }

        writer.Write(MelFilterCount);
        writer.Write(3);
        for (var i = 0; i < 2 * 3; i++)
        {
            writer.Write(0.5f);
        }

        string[] words = ["!", "hello", " world"];
        writer.Write(words.Length);
        foreach (var word in words)
        {
            writer.Write(Encoding.UTF8.GetByteCount(word));
            writer.Write(Encoding.UTF8.GetBytes(word));
        }

        writer.Flush();
        Boundaries.Add((int)stream.Length);
        for (var t = 0; t < tensors; t++)
        {
            var name = Encoding.ASCII.GetBytes($"encoder.blocks.{t}.weight");
            writer.Write(DimensionCount);
            writer.Write(name.Length);
            writer.Write(TensorType);
            for (var d = 0; d < DimensionCount; d++)
            {
                writer.Write(d == 0 ? 32 : 2);
            }

            writer.Write(name);
            writer.Write(new byte[64 * 2]);
            writer.Flush();
            Boundaries.Add((int)stream.Length);
        }

        writer.Flush();
        return stream.ToArray();
    }
}
