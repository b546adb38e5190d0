using System.Globalization;
using System.Text.Json;

namespace FeedWatch.Replay.Configuration;

/// <summary>
/// Writes the feeds file as a .NET configuration JSON document ({"FeedWatch": {"Feeds": […], "Http": {"HostMap": {…}}}}),
/// which `feedwatch run` reads like any other settings file.
/// </summary>
public sealed class ConfigurationJsonFeedsFileFormat : IFeedsFileFormat
{
    public void Write(ReplayFeedsFile file, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartObject("FeedWatch");
        writer.WriteStartArray("Feeds");
        foreach (var feed in file.Feeds)
        {
            writer.WriteStartObject();
            writer.WriteString("Url", feed.Url.AbsoluteUri);
            writer.WriteString("Name", feed.Name);
            writer.WriteString("PollInterval", feed.PollInterval.ToString("c", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("Http");
        writer.WriteStartObject("HostMap");
        foreach (var (host, address) in file.HostMap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(host, address);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
