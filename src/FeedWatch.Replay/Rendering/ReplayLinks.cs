using System.Globalization;
using FeedWatch.Replay.Schedule;

namespace FeedWatch.Replay.Rendering;

/// <summary>The absolute URLs the replay hands out: http://{outlet host}:{port}/… .</summary>
public sealed class ReplayLinks(int port)
{
    public const string FeedPath = "/feed.xml";

    public int Port { get; } = port;

    public Uri Home(string hostName) => new($"http://{hostName}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public Uri Feed(string hostName) => new(Home(hostName), FeedPath);

    public Uri Article(ReplayArticle article) => new(Home(article.HostName), article.Path);
}
