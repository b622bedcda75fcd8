namespace Highlights.Silo.Transcription;

/// <summary>Storage size of the ggml tensor types Whisper model files use (ggml's <c>type_traits</c> table).</summary>
internal static class GgmlTypes
{
    /// <summary>Bytes of <paramref name="elements"/> values of ggml type <paramref name="type"/>.</summary>
    public static long DataBytes(int type, long elements)
    {
        var (blockBytes, blockElements) = type switch
        {
            0 => (4, 1),      // F32
            1 => (2, 1),      // F16
            2 => (18, 32),    // Q4_0
            3 => (20, 32),    // Q4_1
            6 => (22, 32),    // Q5_0
            7 => (24, 32),    // Q5_1
            8 => (34, 32),    // Q8_0
            9 => (36, 32),    // Q8_1
            10 => (84, 256),  // Q2_K
            11 => (110, 256), // Q3_K
            12 => (144, 256), // Q4_K
            13 => (176, 256), // Q5_K
            14 => (210, 256), // Q6_K
            15 => (292, 256), // Q8_K
            30 => (2, 1),     // BF16
            _ => throw new InvalidDataException($"unknown tensor type {type}"),
        };
        if (elements % blockElements != 0)
        {
            throw new InvalidDataException($"{elements} values do not fill whole blocks of {blockElements} (tensor type {type})");
        }

        return elements / blockElements * blockBytes;
    }
}
