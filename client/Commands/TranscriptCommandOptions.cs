using System.CommandLine;
using Highlights.Grains.State;

namespace Highlights.Cli.Commands;

/// <summary>
/// Where a run's transcript comes from (captions, Whisper, or none), for every verb that runs the transcript stage, so
/// <c>analyze</c> offers the same ways out of a missing model as <c>process</c>.
/// </summary>
public sealed class TranscriptCommandOptions
{
    public Option<string?> Captions { get; } = new("--captions") { Description = "Caption file (.srt or .vtt) to use as the transcript" };

    public Option<string?> Model { get; } = WhisperCliOptions.Model();

    public Option<bool> ForceWhisper { get; } = new("--force-whisper") { Description = "Transcribe the audio with Whisper even when captions exist" };

    public Option<bool> AllowNoTranscript { get; } = new("--allow-no-transcript") { Description = "Go on without a transcript when Whisper cannot run (no model installed)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Captions);
        command.Options.Add(Model);
        command.Options.Add(ForceWhisper);
        command.Options.Add(AllowNoTranscript);
    }

    public ProcessingOptions Apply(ParseResult parse, ProcessingOptions options) => options with
    {
        CaptionsPath = parse.GetValue(Captions),
        WhisperModel = WhisperCliOptions.ResolveModel(parse.GetValue(Model)),
        ForceWhisper = parse.GetValue(ForceWhisper),
        AllowNoTranscript = parse.GetValue(AllowNoTranscript),
    };
}
