using System.Reflection;
using System.Runtime.InteropServices;
using Highlights.Whisper.Native;
using Microsoft.Extensions.Logging;

namespace Highlights.Whisper;

/// <summary>
/// Finds and loads the whisper.cpp shared library once per process, and resolves the binding's imports to it.
/// By default it is the file scripts/setup.sh installs under <c>tools/</c> of the checkout the program runs from;
/// a caller may name any <c>libwhisper.so</c> instead. Every failure is a <see cref="WhisperLibraryException"/>
/// that says which file and what to do.
/// </summary>
public static class WhisperLibrary
{
    /// <summary>Where scripts/setup.sh installs the prebuilt library, relative to the checkout.</summary>
    public const string InstalledRelativePath = "tools/whisper/node_modules/@fugood/node-whisper-linux-x64/index.node";

    private static readonly Lock Gate = new();
    private static nint handle;

    /// <summary>The file loaded into this process, or null before the first <see cref="Load"/>.</summary>
    public static string? LoadedPath { get; private set; }

    /// <summary>
    /// Loads the library (<paramref name="path"/>, or the installed one when null) and sends its log to
    /// <paramref name="logger"/>. Loading again is free; a different file than the one already loaded is refused,
    /// since a process cannot unload it.
    /// </summary>
    public static string Load(string? path, ILogger? logger = null)
    {
        var file = string.IsNullOrWhiteSpace(path) ? FindInstalled() : Path.GetFullPath(path);
        if (!File.Exists(file))
        {
            throw new WhisperLibraryException($"whisper.cpp library {file} not found; run scripts/setup.sh to install it, or name a libwhisper.so");
        }

        lock (Gate)
        {
            if (LoadedPath is null)
            {
                handle = Open(file);
                LoadedPath = file;
                NativeLibrary.SetDllImportResolver(typeof(WhisperLibrary).Assembly, Resolve);
                WhisperNativeLog.Install();
            }
            else if (LoadedPath != file)
            {
                throw new WhisperLibraryException($"whisper.cpp is already loaded from {LoadedPath}; {file} can only be used by a new process");
            }
        }

        if (logger is not null)
        {
            WhisperNativeLog.RouteTo(logger);
        }

        return file;
    }

    /// <summary>The whisper.cpp version string of the loaded library.</summary>
    public static unsafe string Version()
    {
        EnsureLoaded();
        return NativeText.String(Interop.whisper_version());
    }

    internal static void EnsureLoaded()
    {
        if (LoadedPath is null)
        {
            Load(null);
        }
    }

    /// <summary>Every function the binding imports, so a wrong library fails at load, not at its first call.</summary>
    internal static IEnumerable<string> RequiredExports() =>
        typeof(Interop).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(m => m.IsDefined(typeof(LibraryImportAttribute)))
            .Select(m => m.GetCustomAttribute<LibraryImportAttribute>()!.EntryPoint ?? m.Name);

    private static string FindInstalled()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, InstalledRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new WhisperLibraryException(
            $"whisper.cpp library not found: no {InstalledRelativePath} in {AppContext.BaseDirectory} or the folders above it; run scripts/setup.sh to install it, or name a libwhisper.so");
    }

    private static nint Open(string file)
    {
        nint loaded;
        try
        {
            loaded = NativeLibrary.Load(file);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new WhisperLibraryException($"whisper.cpp library {file} could not be loaded: {ex.Message}", ex);
        }

        var missing = RequiredExports().Where(name => !NativeLibrary.TryGetExport(loaded, name, out _)).ToList();
        if (missing.Count > 0)
        {
            NativeLibrary.Free(loaded);
            throw new WhisperLibraryException(
                $"{file} is not a whisper.cpp library this binding can use: it does not export {string.Join(", ", missing.Take(3))}{(missing.Count > 3 ? ", ..." : string.Empty)}");
        }

        return loaded;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Interop.Library ? handle : nint.Zero;
}
