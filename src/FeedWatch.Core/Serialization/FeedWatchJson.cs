using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedWatch.Core.Serialization;

/// <summary>
/// The one set of JSON settings for everything FeedWatch stores or sends (blobs, queue messages, alerts, CLI output):
/// camelCase names, enums as camelCase strings, nulls kept so documents show every field a reader may look for.
/// </summary>
public static class FeedWatchJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>For documents people browse (blob explorer) and CLI output meant for reading.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
