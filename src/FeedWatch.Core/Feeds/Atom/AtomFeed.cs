using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>The raw Atom 0.3/1.0 feed.</summary>
public sealed class AtomFeed
{
    public bool IsAtom03 { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Updated { get; set; }
    public string? Language { get; set; }
    public string? Icon { get; set; }
    public string? Logo { get; set; }
    public string? Rights { get; set; }
    public List<AtomLinkValue> Links { get; } = [];
    public List<FeedPerson> Authors { get; } = [];
    public List<string> Categories { get; } = [];
    public ExtensionValues Extensions { get; } = new();
    public List<AtomEntry> Entries { get; } = [];
}
