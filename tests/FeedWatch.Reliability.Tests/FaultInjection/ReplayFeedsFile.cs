using System.Text.Json;
using FeedWatch.Core.Configuration;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Server;

namespace FeedWatch.Reliability.Tests.FaultInjection;

/// <summary>Writes the replay's feeds file (feeds + host map) with one outlet's article tracked, as `feedwatch run --feeds` reads it.</summary>
internal static class ReplayFeedsFile
{
    public static string Write(ReplayServer replay, string directory, TimeSpan pollInterval, string trackedHostName)
    {
        using var stream = new MemoryStream();
        new FeedsFileJsonFormat().Write(replay.CreateFeedsFile(pollInterval), stream);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        var file = JsonSerializer.Deserialize<FeedsFile>(stream.ToArray(), options)!;
        var tracked = replay.Plan.Articles.Single(a => a.HostName == trackedHostName);
        file.Tracked.Add(new TrackedStoryDefinition { Url = replay.ArticleUrl(tracked).AbsoluteUri });
        var path = Path.Combine(directory, "feeds.json");
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(file, options));
        return path;
    }
}
