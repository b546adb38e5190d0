namespace FeedWatch.Functions.Composition;

/// <summary>The function names the host shows (portal, logs, Application Insights), one per pipeline stage.</summary>
public static class FunctionNames
{
    public const string ScheduleFeeds = "ScheduleFeeds";
    public const string PollFeed = "PollFeed";
    public const string FetchArticle = "FetchArticle";
    public const string ClassifyArticle = "ClassifyArticle";
    public const string DeliverAlert = "DeliverAlert";
}
