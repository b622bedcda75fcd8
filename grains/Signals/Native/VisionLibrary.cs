using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Highlights.Grains.Signals.Native;

/// <summary>
/// Finds libhighlights_vision.so for <see cref="VisionInterop"/>: the configured path if one is set, else
/// <c>native/build/</c> in the checkout above the program, where scripts/setup.sh builds it. Hooked into
/// <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> rather than <c>NativeLibrary.SetDllImportResolver</c>,
/// because an assembly can have only one of the latter and other native bindings live in this assembly too.
/// </summary>
internal static class VisionLibrary
{
    public const string FileName = "libhighlights_vision.so";
    public static readonly string RelativeBuildPath = Path.Combine("native", "build", FileName);

    private static readonly Lock Gate = new();
    private static string? overridePath;
    private static bool registered;

    /// <summary>Uses <paramref name="path"/> (when set) instead of the checkout's build. Takes effect until the library is first loaded.</summary>
    public static void Configure(string? path)
    {
        lock (Gate)
        {
            overridePath = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
            if (!registered)
            {
                AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
                registered = true;
            }
        }
    }

    /// <summary>Where the library is expected: the override, else the nearest checkout build above the program (null if none).</summary>
    public static string? Locate()
    {
        lock (Gate)
        {
            if (overridePath is not null)
            {
                return overridePath;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeBuildPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A message that says what is missing and how to get it.</summary>
    public static string NotFoundMessage(Exception? inner) =>
        $"cannot load {FileName} ({Locate() ?? $"no {RelativeBuildPath} above {AppContext.BaseDirectory}"}): run scripts/setup.sh to build it, "
        + $"or set Signals:NativeLibrary (HIGHLIGHTS_SIGNALS__NATIVELIBRARY){(inner is null ? string.Empty : $"; {inner.Message}")}";

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        if (assembly != typeof(VisionLibrary).Assembly || name != VisionInterop.Library || Locate() is not { } path || !File.Exists(path))
        {
            return IntPtr.Zero;
        }

        return NativeLibrary.Load(path);
    }
}
