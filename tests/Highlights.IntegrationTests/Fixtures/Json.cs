using System.Text.Json;

namespace Highlights.IntegrationTests.Fixtures;

public static class Json
{
    public static JsonElement Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
