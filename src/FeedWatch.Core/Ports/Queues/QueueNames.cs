namespace FeedWatch.Core.Ports.Queues;

/// <summary>The pipeline's queues. A message that fails <see cref="MaxDequeueCount"/> times moves to "{name}-poison".</summary>
public static class QueueNames
{
    public const string PollFeed = "feedwatch-poll-feed";
    public const string FetchArticle = "feedwatch-fetch-article";
    public const string ClassifyArticle = "feedwatch-classify-article";
    public const string DeliverAlert = "feedwatch-deliver-alert";

    /// <summary>The local alert queue users subscribe to on the embedded default.</summary>
    public const string Alerts = "feedwatch-alerts";

    public const int MaxDequeueCount = 5;

    public static string Poison(string queueName) => queueName + "-poison";
}
