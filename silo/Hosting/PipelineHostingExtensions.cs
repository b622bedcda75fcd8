using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Edl;
using Highlights.Grains.Inputs;
using Highlights.Grains.Loudness;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Render.Reframe;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Faces;
using Highlights.Grains.Signals.Visual;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.Grains.Transcription;
using Highlights.Silo.Transcription;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Hosting;

/// <summary>Registers the video pipeline and its options; every host (the CLI's embedded silo, worker silos) calls this.</summary>
public static class PipelineHostingExtensions
{
    public static IHostApplicationBuilder AddHighlightsPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MediaToolOptions>(builder.Configuration, MediaToolOptions.Section);
        services.AddValidatedOptions<ProbeOptions>(builder.Configuration, ProbeOptions.Section);
        services.AddValidatedOptions<RenderOptions>(builder.Configuration, RenderOptions.Section);
        services.AddValidatedOptions<ReframeOptions>(builder.Configuration, ReframeOptions.Section);
        services.AddValidatedOptions<StateOptions>(builder.Configuration, StateOptions.Section);
        services.AddValidatedOptions<PromptsOptions>(builder.Configuration, PromptsOptions.Section);
        services.AddValidatedOptions<WhisperOptions>(builder.Configuration, WhisperOptions.Section);
        services.AddValidatedOptions<SignalsOptions>(builder.Configuration, SignalsOptions.Section);
        services.AddValidatedOptions<StageBudgetOptions>(builder.Configuration, StageBudgetOptions.Section);
        services.AddValidatedOptions<VideoRunOptions>(builder.Configuration, VideoRunOptions.Section);

        services.AddSingleton(TimeProvider.System);

        // One registry per host (tests run several in a process); a silo exports it on /metrics, the CLI keeps it to itself.
        services.AddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton(sp => new HighlightsMetrics(sp.GetRequiredService<Prometheus.CollectorRegistry>()));
        services.AddSingleton<IMediaTool, FfmpegMediaTool>();
        services.AddSingleton(new CaptionLimits());
        services.AddSingleton<ITranscriber, WhisperTranscriber>();
        services.AddSingleton<WindowedTranscriber>();
        services.AddSingleton(sp => OfflineSelectorSettingsFile.Load(
            Path.Combine(sp.GetRequiredService<IOptions<PromptsOptions>>().Value.Directory!, OfflineSelectorSettingsFile.FileName)));
        services.AddSingleton<IFrameSource, FfmpegFrameSource>();
        services.AddSingleton<IFrameAnalyzerFactory, HaarFrameAnalyzerFactory>();
        services.AddSingleton<VisualAnalyzer>();

        services.AddSingleton<ProbeStage>();
        services.AddSingleton<AudioExtractStage>();
        services.AddSingleton<TranscriptStage>();
        services.AddSingleton<EnergyStage>();
        services.AddSingleton<LoudnessStage>();
        services.AddSingleton<SignalsStage>();
        services.AddSingleton<SelectStage>();
        services.AddSingleton<SegmentFaceSampler>();
        services.AddSingleton<FacesStage>();
        services.AddSingleton<EdlStage>();
        services.AddSingleton<RenderStage>();
        services.AddSingleton<ReelRenderer>();
        services.AddSingleton<VersionReelRenderer>();
        services.AddSingleton<EdlReviser>();
        services.AddSingleton(sp => new PipelineStages(
        [
            sp.GetRequiredService<ProbeStage>(),
            sp.GetRequiredService<AudioExtractStage>(),
            sp.GetRequiredService<TranscriptStage>(),
            sp.GetRequiredService<EnergyStage>(),
            sp.GetRequiredService<SignalsStage>(),
            sp.GetRequiredService<SelectStage>(),
            sp.GetRequiredService<FacesStage>(),

            // After selection: a video checkpointed before these stages existed keeps its (possibly paid) selection.
            sp.GetRequiredService<LoudnessStage>(),
            sp.GetRequiredService<EdlStage>(),
            sp.GetRequiredService<RenderStage>(),
        ]));
        services.AddSingleton(InputFileGuard.Unrestricted);
        services.AddSingleton(sp => StageBudget.From(sp.GetRequiredService<IOptions<StageBudgetOptions>>().Value));
        services.AddSingleton<VideoPipelineFactory>();
        builder.AddHighlightsLlm();
        return builder;
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }
}
