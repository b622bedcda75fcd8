using System.Runtime.InteropServices;
using Highlights.Whisper.Native;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>The structs the binding passes to whisper.cpp, field by field against whisper.h as gcc lays it out.</summary>
public sealed class StructLayoutTests : IDisposable
{
    private static readonly (Type Managed, string Native)[] Marshalled =
    [
        (typeof(WhisperFullParams), "struct whisper_full_params"),
        (typeof(WhisperContextParams), "struct whisper_context_params"),
        (typeof(WhisperTokenData), "struct whisper_token_data"),
        (typeof(WhisperVadParams), "struct whisper_vad_params"),
        (typeof(WhisperAheads), "struct whisper_aheads"),
    ];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("highlights-layout-");

    public void Dispose() => work.Delete(recursive: true);

    [Fact]
    public async Task Every_struct_the_binding_marshals_matches_whisper_h_field_by_field()
    {
        var differences = await DifferencesAsync(Marshalled);

        Assert.True(differences.Count == 0, "layout differs from whisper.h:\n" + string.Join("\n", differences));
    }

    [Fact]
    public async Task A_struct_that_drifted_from_the_header_is_reported_even_when_its_size_still_matches()
    {
        var differences = await DifferencesAsync([(typeof(TokenDataWithoutTid), "struct whisper_token_data")]);

        // Padding hides the missing int: both are 56 bytes. Only the field offsets tell.
        Assert.DoesNotContain(differences, d => d.Contains("sizeof", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("struct whisper_token_data.p: C offset 8 size 4, TokenDataWithoutTid offset 4", StringComparison.Ordinal));
    }

    private async Task<List<string>> DifferencesAsync((Type Managed, string Native)[] structs)
    {
        var measured = await StructLayoutProbe.MeasureNativeAsync(
            structs.Select(s => (s.Native, (IReadOnlyList<string>)[.. StructLayoutProbe.ManagedFields(s.Managed).Select(f => f.Path)])),
            work.FullName);
        return [.. structs.SelectMany(s => StructLayoutProbe.Differences(s.Managed, s.Native, measured))];
    }

    /// <summary><c>whisper_token_data</c> as it would look had someone dropped <c>tid</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TokenDataWithoutTid
    {
        public int id;
        public float p;
        public float plog;
        public float pt;
        public float ptsum;
        public long t0;
        public long t1;
        public long t_dtw;
        public float vlen;
    }
}
