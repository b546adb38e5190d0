using System.Globalization;
using System.Text.Json;
using FeedWatch.Core.Configuration;

namespace FeedWatch.Replay.Configuration;

/// <summary>
/// Writes the replay's feeds as the product's own feeds file (<see cref="FeedsFile"/>, JSON, camelCase):
/// {"feeds": [{"url", "name", "pollInterval"}], "tracked": [], "hostMap": {"outlet": "127.0.0.1"}} —
/// exactly what `feedwatch run --feeds FILE` reads.
/// </summary>
public sealed class FeedsFileJsonFormat : IFeedsFileFormat
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(ReplayFeedsFile file, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        var feedsFile = new FeedsFile
        {
            Feeds = file.Feeds.Select(f => new FeedDefinition
            {
                Url = f.Url.AbsoluteUri,
                Name = f.Name,
                PollInterval = f.PollInterval.ToString("c", CultureInfo.InvariantCulture),
            }).ToList(),
        };
        foreach (var (host, address) in file.HostMap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            feedsFile.HostMap[host] = address;
        }

        JsonSerializer.Serialize(destination, feedsFile, Json);
    }
}
