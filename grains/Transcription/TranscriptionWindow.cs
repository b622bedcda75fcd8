namespace Highlights.Grains.Transcription;

/// <summary>
/// One window of long audio, in samples. The window owns [<see cref="OwnStart"/>, <see cref="OwnEnd"/>); whisper hears
/// [<see cref="FeedStart"/>, <see cref="FeedEnd"/>), the owned span widened by the overlap on each side.
/// </summary>
public sealed record TranscriptionWindow(int Index, long OwnStart, long OwnEnd, long FeedStart, long FeedEnd)
{
    public int FeedLength => checked((int)(FeedEnd - FeedStart));
}
