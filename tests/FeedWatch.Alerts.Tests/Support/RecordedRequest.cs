namespace FeedWatch.Alerts.Tests.Support;

/// <summary>What the loopback server received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No header {name}; got {string.Join(", ", Headers.Keys)}");
}
