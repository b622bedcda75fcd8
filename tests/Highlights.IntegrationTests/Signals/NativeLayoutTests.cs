using System.Globalization;
using System.Runtime.InteropServices;
using Highlights.Grains.Processes;
using Highlights.Grains.Signals.Native;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Signals;

/// <summary>The managed mirrors of the shim's structs, checked against the C header as the C compiler lays it out.</summary>
public sealed class NativeLayoutTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("highlights-layout-");

    public void Dispose() => work.Delete(recursive: true);

    [Theory]
    [InlineData("hv_face", typeof(NativeFace), "x,y,width,height,kind,smile_neighbors,smile_score")]
    [InlineData("hv_detector_options", typeof(NativeDetectorOptions), "min_face_pixels,scale_factor,min_neighbors,smile_min_neighbors,profile_scale,opencv_threads")]
    public async Task The_managed_struct_has_the_size_and_field_offsets_of_the_c_struct(string cStruct, Type managed, string fields)
    {
        var names = fields.Split(',');
        var layout = await CompileAndRunAsync(cStruct, names);

        Assert.Equal(layout["sizeof"], Marshal.SizeOf(managed));
        Assert.Equal(names.Length, managed.GetFields().Length);
        foreach (var name in names)
        {
            Assert.Equal(layout[name], (int)Marshal.OffsetOf(managed, PascalCase(name)));
        }
    }

    private async Task<Dictionary<string, int>> CompileAndRunAsync(string cStruct, string[] fields)
    {
        var source = Path.Combine(work.FullName, $"{cStruct}.c");
        var program = Path.Combine(work.FullName, cStruct);
        var lines = fields.Select(f => $"    printf(\"{f} %zu\\n\", offsetof({cStruct}, {f}));");
        await File.WriteAllTextAsync(source, $$"""
            #include <stddef.h>
            #include <stdio.h>
            #include "highlights_vision.h"
            int main(void) {
                printf("sizeof %zu\n", sizeof({{cStruct}}));
            {{string.Join('\n', lines)}}
                return 0;
            }
            """);
        await ProcessRunner.RunAsync(
            ProcessCommand.Of("gcc", "-std=c11", "-Wall", "-Werror", "-I", Path.Combine(RepoPaths.Root, "native", "include"), source, "-o", program),
            new ProcessRunOptions(),
            CancellationToken.None);
        var output = await ProcessRunner.RunAsync(ProcessCommand.Of(program), new ProcessRunOptions { CaptureOutput = true }, CancellationToken.None);
        return output.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private static string PascalCase(string snake) =>
        string.Concat(snake.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
