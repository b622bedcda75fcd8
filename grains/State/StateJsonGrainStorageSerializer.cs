using System.Text.Json;
using Orleans.Storage;

namespace Highlights.Grains.State;

/// <summary>Grain state as <see cref="StateJson"/> writes it, so a stored video reads the same in a file, in PostgreSQL and in a report.</summary>
public sealed class StateJsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, StateJson.Options));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, StateJson.Options);
}
