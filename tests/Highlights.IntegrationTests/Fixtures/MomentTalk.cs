using System.Globalization;
using System.Text;
using Highlights.Grains.Captions;
using Highlights.Grains.Processes;

namespace Highlights.IntegrationTests.Fixtures;

/// <summary>
/// A 40 s talk in four long, even caption cues of bland words, where the moment is carried by sound and picture
/// only: from <see cref="RoarFrom"/> to <see cref="RoarTo"/> a crowd roar (seeded pink noise, faded in and out) and
/// the portrait swinging across the frame. From <see cref="LoudFrom"/> to <see cref="LoudTo"/> the same voice is
/// 10 dB louder over the still picture, with a slide change at <see cref="SlideAt"/>: louder, but empty. Each cue's
/// words are spoken by espeak-ng with 300 ms between words from the cue's start; the dry speech is kept (16 kHz
/// mono PCM) so a test can tell where the words are.
/// </summary>
public sealed class MomentTalk
{
    public const double CueSeconds = 10, RoarFrom = 22, RoarTo = 28, LoudFrom = 12, LoudTo = 18, SlideAt = 15;

    public const int SpeechRate = 16000;

    private static readonly string[] Texts =
    [
        "We looked at the plan for the quarter and the numbers.",
        "Then we went through the budget line by line with finance.",
        "After that we talked about the office move and new desks.",
        "Finally we agreed on the next steps and a date to meet.",
    ];

    private MomentTalk(string videoPath, IReadOnlyList<Cue> cues, short[] speech)
    {
        VideoPath = videoPath;
        Cues = cues;
        Speech = speech;
    }

    public string VideoPath { get; }

    public IReadOnlyList<Cue> Cues { get; }

    /// <summary>The speech alone, before the louder stretch's gain and the roar, at <see cref="SpeechRate"/>.</summary>
    public short[] Speech { get; }

    public static async Task<MomentTalk> MakeAsync(string directory)
    {
        var wavs = new List<string>();
        for (var i = 0; i < Texts.Length; i++)
        {
            var wav = Path.Combine(directory, $"cue{i}.wav");
            await ProcessRunner.RunAsync(ProcessCommand.Of("espeak-ng", "-v", "en-us", "-s", "165", "-g", "30", "-w", wav, Texts[i]), new ProcessRunOptions(), CancellationToken.None);
            var seconds = (await Ffmpeg.ProbeAsync(wav)).DurationSeconds;
            Assert.True(seconds < CueSeconds - 0.5, $"cue {i} is spoken in {seconds} s: it must end in a pause before the next cue");
            wavs.Add(wav);
        }

        var cues = Texts.Select((t, i) => new Cue(i * CueSeconds, (i + 1) * CueSeconds, t)).ToList();
        var duration = Texts.Length * CueSeconds;
        string Seconds(double s) => s.ToString(CultureInfo.InvariantCulture);
        var speechGraph = string.Concat(wavs.Select((_, i) => $"[{i}:a]aresample=48000,apad,atrim=0:{Seconds(CueSeconds)}[c{i}];"))
            + string.Concat(wavs.Select((_, i) => $"[c{i}]")) + $"concat=n={wavs.Count}:v=0:a=1";
        var inputs = wavs.SelectMany(w => new[] { "-i", w }).ToList();

        var speechPath = Path.Combine(directory, "speech.pcm");
        await Ffmpeg.RunAsync([.. inputs, "-filter_complex", speechGraph + "[s]", "-map", "[s]", "-ac", "1", "-ar", $"{SpeechRate}", "-f", "s16le", speechPath]);

        var video = Path.Combine(directory, "talk.mp4");
        var n = wavs.Count;
        var swing = $"140+120*sin(2*PI*(t-{Seconds(RoarFrom)})/2)*between(t,{Seconds(RoarFrom)},{Seconds(RoarTo)})";
        await Ffmpeg.RunAsync(
        [
            .. inputs,
            "-f", "lavfi", "-i", $"color=c=0x404040:s=640x360:r=25:d={Seconds(duration)}",
            "-loop", "1", "-framerate", "25", "-i", SignalVideosFixture.AstronautImage,
            "-f", "lavfi", "-i", $"anoisesrc=color=pink:amplitude=0.5:seed=17:sample_rate=48000:duration={Seconds(RoarTo - RoarFrom)}",
            "-filter_complex",
            $"[{n}:v]drawbox=x=0:y=0:w=640:h=360:color=0x8a8a8a:t=fill:enable='gte(t,{Seconds(SlideAt)})'[bg];"
            + $"[{n + 1}:v]scale=-2:300[face];[bg][face]overlay=x='{swing}':y=30:shortest=1[v];"
            + speechGraph + ",volume=0.3,"
            + $"volume=volume=3.16:enable='between(t,{Seconds(LoudFrom)},{Seconds(LoudTo)})'[speech];"
            + $"[{n + 2}:a]afade=t=in:d=0.3,afade=t=out:st={Seconds(RoarTo - RoarFrom - 0.3)}:d=0.3,adelay={(int)(RoarFrom * 1000)}:all=1[roar];"
            + "[speech][roar]amix=inputs=2:normalize=0:duration=first[a]",
            "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-t", Seconds(duration), video,
        ]);
        await File.WriteAllTextAsync(Path.ChangeExtension(video, ".srt"), SrtWriter.Write(cues), new UTF8Encoding(false));

        var bytes = await File.ReadAllBytesAsync(speechPath);
        var speech = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, speech, 0, speech.Length * 2);
        return new MomentTalk(video, cues, speech);
    }

    /// <summary>
    /// Whether <paramref name="seconds"/> falls inside a word: anywhere but a silent stretch of the dry speech lasting
    /// 150 ms or more (the closure of a stop consonant inside a word is shorter; the gaps between words are 300 ms).
    /// </summary>
    public bool InsideAWord(double seconds)
    {
        const int frame = SpeechRate / 100;
        var frames = Speech.Length / frame;
        var rms = Enumerable.Range(0, frames).Select(f =>
        {
            double sum = 0;
            for (var i = f * frame; i < (f + 1) * frame; i++)
            {
                sum += (double)Speech[i] * Speech[i];
            }

            return Math.Sqrt(sum / frame);
        }).ToArray();
        var level = rms.Order().ElementAt((int)(0.9 * (frames - 1)));
        bool Silent(int f) => rms[f] < level / 100;
        var at = Math.Clamp((int)Math.Floor(seconds * 100), 0, frames - 1);
        if (!Silent(at))
        {
            return true;
        }

        int first = at, last = at;
        while (first > 0 && Silent(first - 1))
        {
            first--;
        }

        while (last + 1 < frames && Silent(last + 1))
        {
            last++;
        }

        return last - first + 1 < 15;
    }
}
