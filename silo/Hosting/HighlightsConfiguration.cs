using Microsoft.Extensions.Configuration;

namespace Highlights.Silo.Hosting;

/// <summary>Configuration sources, lowest precedence first: defaults in code, <c>highlights.json</c> in the working directory, <c>HIGHLIGHTS_*</c> environment.</summary>
public static class HighlightsConfiguration
{
    public const string EnvironmentPrefix = "HIGHLIGHTS_";
    public const string FileName = "highlights.json";

    public static IConfigurationBuilder AddHighlightsSources(this IConfigurationBuilder configuration) =>
        configuration
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, FileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix);
}
