namespace FeedWatch.Core.Outlets;

/// <summary>
/// Names an outlet by the registrable domain of its URL (news.example.co.uk and example.co.uk are one outlet).
/// FIRST VERSION: strips "www." only; the story-engine issue makes it public-suffix aware with aliases.
/// </summary>
public static class OutletKey
{
    public static string FromUrl(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
