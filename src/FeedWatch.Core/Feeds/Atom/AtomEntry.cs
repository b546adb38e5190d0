using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>The raw Atom entry.</summary>
public sealed class AtomEntry
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Content { get; set; }
    public string? ContentSource { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public List<AtomLinkValue> Links { get; } = [];
    public List<FeedPerson> Authors { get; } = [];

    /// <summary>Authors of the entry's &lt;source&gt; (the feed it was copied from), inherited before the feed's.</summary>
    public List<FeedPerson> SourceAuthors { get; } = [];
    public List<string> Categories { get; } = [];
    public ExtensionValues Extensions { get; } = new();
}
