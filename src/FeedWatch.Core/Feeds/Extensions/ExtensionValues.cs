namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>
/// The raw values of the namespaced extensions FeedWatch understands (Dublin Core, content:encoded, Media RSS,
/// iTunes, FeedBurner, Atom elements inside RSS), collected on a channel or an item.
/// </summary>
public sealed class ExtensionValues
{
    public List<string> DcCreators { get; } = [];
    public List<string> DcSubjects { get; } = [];
    public string? DcDate { get; set; }
    public string? DcModified { get; set; }
    public string? DcTitle { get; set; }
    public string? DcDescription { get; set; }
    public string? DcLanguage { get; set; }
    public string? DcIdentifier { get; set; }
    public string? DcRights { get; set; }
    public string? ContentEncoded { get; set; }
    public List<MediaObject> MediaContents { get; } = [];
    public List<string> MediaThumbnails { get; } = [];
    public string? MediaTitle { get; set; }
    public string? MediaDescription { get; set; }
    public List<string> MediaKeywords { get; } = [];
    public string? ITunesAuthor { get; set; }
    public string? ITunesSummary { get; set; }
    public string? ITunesSubtitle { get; set; }
    public string? ITunesImage { get; set; }
    public string? ITunesDuration { get; set; }
    public List<string> ITunesCategories { get; } = [];
    public List<string> ITunesKeywords { get; } = [];
    public string? ITunesOwnerName { get; set; }
    public string? ITunesOwnerEmail { get; set; }
    public string? FeedBurnerOrigLink { get; set; }
    public string? FeedBurnerOrigEnclosureLink { get; set; }
    public List<AtomLinkValue> AtomLinks { get; } = [];
    public string? AtomUpdated { get; set; }
    public string? AtomPublished { get; set; }
    public string? AtomSummary { get; set; }
    public string? AtomContent { get; set; }
    public string? AtomId { get; set; }
    public string? AtomTitle { get; set; }
    public List<FeedPerson> AtomAuthors { get; } = [];
    public List<string> AtomCategories { get; } = [];
}
