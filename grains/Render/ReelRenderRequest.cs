using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render.Chunks;

namespace Highlights.Grains.Render;

/// <summary>
/// One reel to render. <see cref="Source"/> is the probe of the EDL's source (stream indexes, and colours for EDLs
/// older than the colour field). <see cref="Resume"/> and <see cref="SaveProgress"/> let a chunked render continue
/// after a crash without redoing finished chunks.
/// </summary>
public sealed record ReelRenderRequest(
    EdlDocument Edl,
    MediaInfo Source,
    string WorkDirectory,
    string OutputPath,
    Action<double>? Progress = null,
    ChunkProgress? Resume = null,
    Func<ChunkProgress, CancellationToken, Task>? SaveProgress = null,
    int? Chunks = null);

/// <summary>How a reel was rendered: in one pass (one chunk) or in chunks, some of which an earlier run finished.</summary>
public sealed record ReelRenderReport(int Chunks, int ChunksReused);
