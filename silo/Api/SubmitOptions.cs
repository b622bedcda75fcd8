using System.Globalization;
using Highlights.Client.Contracts;
using Highlights.Grains.State;

namespace Highlights.Silo.Api;

/// <summary>Turns the options of a submission (JSON body or upload form fields) into <see cref="ProcessingOptions"/>, rejecting bad values.</summary>
public static class SubmitOptions
{
    public static ProcessingOptions From(double? targetDuration, bool? toneMap)
    {
        var target = targetDuration ?? new ProcessingOptions().TargetSeconds;
        if (!double.IsFinite(target) || target <= 0)
        {
            throw new SourceRejectedException($"targetDuration must be a positive number of seconds, not {target.ToString(CultureInfo.InvariantCulture)}");
        }

        return new ProcessingOptions { TargetSeconds = target, ToneMapHdr = toneMap ?? false };
    }

    public static ProcessingOptions From(SubmitVideoRequest request) => From(request.TargetDuration, request.ToneMap);

    /// <summary>Upload form fields: <c>targetDuration</c>, <c>toneMap</c>.</summary>
    public static ProcessingOptions From(IReadOnlyDictionary<string, string> fields)
    {
        var unknown = fields.Keys.FirstOrDefault(k => !k.Equals("targetDuration", StringComparison.OrdinalIgnoreCase) && !k.Equals("toneMap", StringComparison.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            throw new SourceRejectedException($"unknown form field '{unknown}' (expected file, targetDuration, toneMap)");
        }

        double? target = null;
        if (fields.TryGetValue("targetDuration", out var targetText))
        {
            target = double.TryParse(targetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new SourceRejectedException($"targetDuration '{targetText}' is not a number");
        }

        bool? toneMap = null;
        if (fields.TryGetValue("toneMap", out var toneMapText))
        {
            toneMap = bool.TryParse(toneMapText, out var parsed) ? parsed : throw new SourceRejectedException($"toneMap '{toneMapText}' is not true or false");
        }

        return From(target, toneMap);
    }
}
