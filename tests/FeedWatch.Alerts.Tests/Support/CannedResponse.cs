namespace FeedWatch.Alerts.Tests.Support;

/// <summary>How the loopback server answers one request.</summary>
public sealed record CannedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null)
{
    public static CannedResponse Ok { get; } = new(200);
}
