using System.Text.Json;

namespace FeedWatch.Reliability.Tests.FaultInjection;

/// <summary>
/// Counts what a `feedwatch run` data folder holds, straight from the files: article documents (by URL), alert
/// documents (by story and outlet), and the messages left on every queue and poison queue.
/// </summary>
internal sealed record DataFolderCensus(
    IReadOnlyList<string> ArticleUrls,
    IReadOnlyList<(string Story, string Outlet)> AlertPairs,
    IReadOnlyList<(string Story, string Outlet, string Id)> AlertQueueEntries,
    IReadOnlyDictionary<string, int> QueueDepths,
    IReadOnlyList<(string Story, string Outlet)> RecordedSpreadPairs)
{
    public static DataFolderCensus Take(string dataDirectory)
    {
        var blobs = Path.Combine(dataDirectory, "blobs");
        var articles = Files(Path.Combine(blobs, "articles"), "*.json")
            .Select(f => ReadString(File.ReadAllText(f), "url") ?? throw new InvalidDataException($"{f} has no url"))
            .ToList();
        var alerts = Files(Path.Combine(blobs, "alerts"), "*.json").Select(f => AlertPair(File.ReadAllText(f))).ToList();
        var queues = Path.Combine(dataDirectory, "queues");
        var depths = Directory.Exists(queues)
            ? Directory.EnumerateDirectories(queues)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .ToDictionary(d => Path.GetFileName(d), d => Files(Path.Combine(d, "messages"), "*.json").Count())
            : [];
        var alertQueue = Files(Path.Combine(queues, "feedwatch-alerts", "messages"), "*.json")
            .Select(f => AlertEntry(ReadString(File.ReadAllText(f), "body") ?? "{}"))
            .ToList();
        var recorded = Files(Path.Combine(blobs, "stories"), "*.json").SelectMany(f => RecordedSpread(File.ReadAllText(f))).ToList();
        return new DataFolderCensus(articles, alerts, alertQueue, depths, recorded);
    }

    public int DuplicateArticles => ArticleUrls.Count - ArticleUrls.Distinct(StringComparer.Ordinal).Count();
    public int DuplicateAlerts => AlertPairs.Count - AlertPairs.Distinct().Count();
    /// <summary>Different alerts (different CloudEvents ids) for one (story, outlet) on the alert queue: a real duplicate.</summary>
    public int DuplicateQueuedAlerts
    {
        get
        {
            var distinct = AlertQueueEntries.DistinctBy(e => e.Id).ToList();
            return distinct.Count - distinct.Select(e => (e.Story, e.Outlet)).Distinct().Count();
        }
    }

    /// <summary>Copies of an already queued alert (same id): at-least-once delivery, which consumers remove by id.</summary>
    public int RedeliveredQueuedAlerts => AlertQueueEntries.Count - AlertQueueEntries.DistinctBy(e => e.Id).Count();

    public int PoisonMessages => QueueDepths.Where(q => q.Key.EndsWith("-poison", StringComparison.Ordinal)).Sum(q => q.Value);

    /// <summary>Unfinished work on the stage queues (the alert queue is the users' inbox, not work).</summary>
    public int StageMessages => QueueDepths.Where(q => !q.Key.EndsWith("-poison", StringComparison.Ordinal) && q.Key != "feedwatch-alerts").Sum(q => q.Value);

    public override string ToString() =>
        $"{ArticleUrls.Count} article documents ({DuplicateArticles} duplicates), {AlertPairs.Count} alert documents ({DuplicateAlerts} duplicate story/outlet pairs), " +
        $"{AlertQueueEntries.Count} alerts on the alert queue ({DuplicateQueuedAlerts} duplicate story/outlet pairs, {RedeliveredQueuedAlerts} redelivered copies of one id), {StageMessages} messages left on stage queues, {PoisonMessages} poison messages";

    private static IEnumerable<string> Files(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories) : [];

    /// <summary>The (story, outlet) pairs a tracked story document recorded as spread: every outlet but the seed's own.</summary>
    internal static IEnumerable<(string Story, string Outlet)> RecordedSpread(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("tracked", out var tracked) || !tracked.GetBoolean())
        {
            return [];
        }

        var story = root.GetProperty("id").GetString()!;
        var origin = root.TryGetProperty("originOutlet", out var o) ? o.GetString() : null;
        return root.GetProperty("outlets").EnumerateArray()
            .Select(e => e.GetProperty("outlet").GetString()!)
            .Where(outlet => outlet != origin)
            .Select(outlet => (story, outlet))
            .ToList();
    }

    internal static (string Story, string Outlet) AlertPair(string json)
    {
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.TryGetProperty("data", out var d) ? d : document.RootElement;
        return (data.GetProperty("storyId").GetString()!, data.GetProperty("outlet").GetString()!);
    }

    internal static (string Story, string Outlet, string Id) AlertEntry(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) ? d : root;
        return (data.GetProperty("storyId").GetString()!, data.GetProperty("outlet").GetString()!, root.GetProperty("id").GetString()!);
    }

    internal static string? ReadString(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
