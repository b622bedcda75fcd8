using Highlights.Grains.Signals.Visual;
using OpenCvSharp;

namespace Highlights.Grains.Signals.Faces;

/// <summary>
/// <see cref="IFrameAnalyzer"/> on OpenCvSharp: Haar cascades for frontal and profile faces and smiles. The frame is
/// wrapped as a Mat over the caller's buffer (no copy); the working images are kept between frames so steady-state
/// detection allocates no pixels. One thread at a time, like the classifiers inside it.
/// </summary>
internal sealed class HaarFrameAnalyzer : IFrameAnalyzer
{
    /// <summary>Faces reported per frame at most; a crowd beyond this adds nothing to the signals.</summary>
    public const int MaxFaces = 32;

    /// <summary>
    /// The lower half of every face is scaled to this size before looking for a smile, so the smile cascade sees
    /// mouths at one scale and its neighbour counts mean the same for near and far faces.
    /// </summary>
    private static readonly Size MouthSize = new(96, 48);
    private static readonly Size MinSmile = new(36, 18);

    /// <summary>OpenCV's own grouping tolerance inside detectMultiScale (GROUP_EPS).</summary>
    private const double SmileGroupEps = 0.2;

    private readonly CascadeClassifier frontal;
    private readonly CascadeClassifier? profile;
    private readonly CascadeClassifier smile;
    private readonly HaarDetectorSettings settings;
    private readonly Mat equalised = new();
    private readonly Mat profileFrame = new();
    private readonly Mat flipped = new();
    private readonly Mat mouth = new();
    private bool disposed;

    private HaarFrameAnalyzer(CascadeClassifier frontal, CascadeClassifier? profile, CascadeClassifier smile, HaarDetectorSettings settings)
    {
        this.frontal = frontal;
        this.profile = profile;
        this.smile = smile;
        this.settings = settings;
    }

    /// <summary>Loads the cascades; a missing or unreadable file is an <see cref="InvalidOperationException"/> naming it.</summary>
    public static HaarFrameAnalyzer Create(HaarCascadeFiles cascades, HaarDetectorSettings settings)
    {
        var loaded = new List<CascadeClassifier>();
        try
        {
            var frontal = Load(cascades.Frontal, "frontal face", loaded);
            var profile = cascades.Profile is { } path ? Load(path, "profile face", loaded) : null;
            var smile = Load(cascades.Smile, "smile", loaded);
            return new HaarFrameAnalyzer(frontal, profile, smile, settings);
        }
        catch
        {
            loaded.ForEach(c => c.Dispose());
            throw;
        }
    }

    public unsafe IReadOnlyList<DetectedFace> FindFaces(ReadOnlySpan<byte> grey, int width, int height, int stride)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        ArgumentOutOfRangeException.ThrowIfLessThan(grey.Length, checked((stride * (height - 1)) + width), nameof(grey));
        fixed (byte* pixels = grey)
        {
            // OpenCV only reads the frame (equalizeHist writes into the analyser's own image), so a Mat over the
            // caller's buffer is safe for as long as the buffer is pinned.
            using var frame = Mat.FromPixelData(height, width, MatType.CV_8UC1, (IntPtr)pixels, stride);
            Cv2.EqualizeHist(frame, equalised);
        }

        var found = FindFaceBoxes();
        found.Sort((a, b) => (b.Box.Width * b.Box.Height).CompareTo(a.Box.Width * a.Box.Height));
        return found.Take(MaxFaces)
            .Select(f => new DetectedFace(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height, f.Profile, SmileScore(f.Box)))
            .ToList();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        frontal.Dispose();
        profile?.Dispose();
        smile.Dispose();
        equalised.Dispose();
        profileFrame.Dispose();
        flipped.Dispose();
        mouth.Dispose();
    }

    private static CascadeClassifier Load(string path, string role, List<CascadeClassifier> loaded)
    {
        // OpenCV reports a missing file only as an empty classifier, so the file is looked for first.
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"face detector: the {role} cascade {path} does not exist (is opencv-data installed? run scripts/setup.sh, or set Signals:CascadeDirectory)");
        }

        var cascade = new CascadeClassifier();
        loaded.Add(cascade);
        string? reason;
        try
        {
            reason = cascade.Load(path) && !cascade.Empty() ? null : "not a cascade";
        }
        catch (OpenCVException ex)
        {
            reason = ex.ErrMsg;
        }

        if (reason is not null)
        {
            throw new InvalidOperationException($"face detector: OpenCV cannot read the {role} cascade {path}: {reason} (damaged? reinstall opencv-data)");
        }

        return cascade;
    }

    private List<(Rect Box, bool Profile)> FindFaceBoxes()
    {
        var minSize = new Size(settings.MinFacePixels, settings.MinFacePixels);
        var found = frontal.DetectMultiScale(equalised, settings.ScaleFactor, settings.MinNeighbors, HaarDetectionTypes.ScaleImage, minSize)
            .Select(b => (Box: b, Profile: false))
            .ToList();
        if (profile is null)
        {
            return found;
        }

        // The profile cascade only knows faces turned one way; the mirrored frame finds the other side.
        var scale = settings.ProfileScale;
        var searched = equalised;
        if (scale < 1.0)
        {
            Cv2.Resize(equalised, profileFrame, default, scale, scale, InterpolationFlags.Area);
            searched = profileFrame;
        }

        var profiles = profile.DetectMultiScale(searched, settings.ScaleFactor, settings.MinNeighbors, HaarDetectionTypes.ScaleImage, minSize).ToList();
        Cv2.Flip(searched, flipped, FlipMode.Y);
        profiles.AddRange(profile.DetectMultiScale(flipped, settings.ScaleFactor, settings.MinNeighbors, HaarDetectionTypes.ScaleImage, minSize)
            .Select(m => new Rect(searched.Cols - m.X - m.Width, m.Y, m.Width, m.Height)));
        foreach (var p in profiles)
        {
            var box = new Rect(Round(p.X / scale), Round(p.Y / scale), Round(p.Width / scale), Round(p.Height / scale));
            if (!found.Any(f => Overlap(f.Box, box) > 0.3))
            {
                found.Add((box, true));
            }
        }

        return found;
    }

    /// <summary>Agreeing smile detections in the lower half of the face, mapped to 0..1 (saturating); 0 = no smile.</summary>
    private double SmileScore(Rect face)
    {
        var lower = new Rect(face.X, face.Y + (face.Height / 2), face.Width, face.Height - (face.Height / 2));
        var inside = lower & new Rect(0, 0, equalised.Cols, equalised.Rows);
        if (inside.Width < 8 || inside.Height < 4)
        {
            return 0;
        }

        using (var region = new Mat(equalised, inside))
        {
            Cv2.Resize(region, mouth, MouthSize, 0, 0, InterpolationFlags.Linear);
        }

        // OpenCvSharp does not wrap the overload that returns each smile's neighbour count, so the raw detections
        // (minNeighbors 0 skips OpenCV's grouping) are grouped here exactly as that overload groups them.
        var raw = smile.DetectMultiScale(mouth, 1.1, 0, HaarDetectionTypes.ScaleImage, MinSmile).ToList();
        Cv2.GroupRectangles(raw, out var neighbours, settings.SmileMinNeighbors, SmileGroupEps);
        if (neighbours.Length == 0)
        {
            return 0;
        }

        var n = (float)neighbours.Max();
        return n / (n + settings.SmileMinNeighbors);
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.ToEven);

    private static double Overlap(Rect a, Rect b)
    {
        double shared = (a & b).Width * (a & b).Height;
        double smaller = Math.Min(a.Width * a.Height, b.Width * b.Height);
        return smaller > 0 ? shared / smaller : 0.0;
    }
}
