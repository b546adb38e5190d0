namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// An attribute read from a start tag before its namespace can be resolved (xmlns declarations may follow the
/// attributes that use them).
/// </summary>
internal struct Utf8PendingAttribute
{
    public Utf8Name Name;
    public string Value;
    public string NamespaceUri;
}
