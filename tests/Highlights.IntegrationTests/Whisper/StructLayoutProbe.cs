using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Highlights.Grains.Processes;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Whisper;

/// <summary>
/// Measures C structs the way the C compiler lays them out: writes a program that prints <c>sizeof</c> and, for every
/// field of the C# mirror (nested structs by path, e.g. <c>beam_search.beam_size</c>), <c>offsetof</c> and size;
/// compiles it with gcc against whisper.h; runs it. A field the header does not have fails the compile.
/// </summary>
internal static class StructLayoutProbe
{
    public sealed record Field(string Path, long Offset, long Size);

    /// <summary>Every leaf field of <paramref name="type"/> with its managed offset and size, in declaration order.</summary>
    public static IReadOnlyList<Field> ManagedFields(Type type, string prefix = "", long offset = 0)
    {
        var fields = new List<Field>();
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.MetadataToken))
        {
            var at = offset + Marshal.OffsetOf(type, field.Name).ToInt64();
            var fieldType = field.FieldType;
            if (fieldType is { IsValueType: true, IsPrimitive: false, IsEnum: false })
            {
                fields.AddRange(ManagedFields(fieldType, $"{prefix}{field.Name}.", at));
            }
            else
            {
                var size = Marshal.SizeOf(fieldType.IsEnum ? Enum.GetUnderlyingType(fieldType) : fieldType);
                fields.Add(new Field(prefix + field.Name, at, size));
            }
        }

        return fields;
    }

    /// <summary>Size of each C struct and offset/size of the named fields, as gcc lays them out for whisper.h.</summary>
    public static async Task<Dictionary<(string Struct, string Path), Field>> MeasureNativeAsync(
        IEnumerable<(string Struct, IReadOnlyList<string> Paths)> structs, string workDirectory)
    {
        var source = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <whisper.h>\nint main(void) {\n");
        foreach (var (name, paths) in structs)
        {
            source.Append(CultureInfo.InvariantCulture, $"  printf(\"{name}||0|%zu\\n\", sizeof({name}));\n");
            foreach (var path in paths)
            {
                source.Append(CultureInfo.InvariantCulture, $"  printf(\"{name}|{path}|%zu|%zu\\n\", offsetof({name}, {path}), sizeof((({name} *)0)->{path}));\n");
            }
        }

        source.Append("  return 0;\n}\n");
        var program = Path.Combine(workDirectory, "layout.c");
        var binary = Path.Combine(workDirectory, "layout");
        await File.WriteAllTextAsync(program, source.ToString());
        await ProcessRunner.RunAsync(
            ProcessCommand.Of("gcc", "-std=c11", "-Wall", "-I", RepoPaths.WhisperInclude, "-I", RepoPaths.GgmlInclude, program, "-o", binary),
            new ProcessRunOptions(),
            CancellationToken.None);
        var output = await ProcessRunner.RunAsync(ProcessCommand.Of(binary), new ProcessRunOptions { CaptureOutput = true }, CancellationToken.None);
        return output.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .ToDictionary(
                p => (p[0], p[1]),
                p => new Field(p[1], long.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)));
    }

    /// <summary>Every difference between the managed struct and its C original, one line each; empty when they match.</summary>
    public static IEnumerable<string> Differences(Type managed, string native, IReadOnlyDictionary<(string, string), Field> measured)
    {
        var size = Marshal.SizeOf(managed);
        var nativeSize = measured[(native, string.Empty)].Size;
        if (size != nativeSize)
        {
            yield return $"{native}: sizeof is {nativeSize} in C, {size} in {managed.Name}";
        }

        foreach (var field in ManagedFields(managed))
        {
            var c = measured[(native, field.Path)];
            if (c.Offset != field.Offset || c.Size != field.Size)
            {
                yield return $"{native}.{field.Path}: C offset {c.Offset} size {c.Size}, {managed.Name} offset {field.Offset} size {field.Size}";
            }
        }
    }
}
