namespace FeedWatch.Core.Feeds.Opml;

/// <summary>A category folder while exporting: its sub-folders in first-seen order, then its feeds.</summary>
internal sealed class OpmlFolder(string name)
{
    private readonly List<OpmlFolder> folders = [];

    public List<OpmlOutline> Items { get; } = [];

    public OpmlFolder Child(string childName)
    {
        var existing = folders.FirstOrDefault(f => f.Name == childName);
        if (existing is null)
        {
            existing = new OpmlFolder(childName);
            folders.Add(existing);
        }

        return existing;
    }

    private string Name => name;

    public List<OpmlOutline> ToOutlines() =>
    [
        .. folders.Select(f => new OpmlOutline { Text = f.Name, Title = f.Name, Children = f.ToOutlines() }),
        .. Items,
    ];
}
