namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>
/// The raw values of the namespaced extensions FeedWatch understands (Dublin Core, content:encoded, Media RSS,
/// iTunes, FeedBurner, Atom elements inside RSS), collected on a channel or an item.
/// Every item of every feed carries one of these, and most use few of its lists: a list exists only once something
/// is added to it (read-only views are empty otherwise), which keeps a plain item's allocation small.
/// </summary>
public sealed class ExtensionValues
{
    private List<string>? dcCreators;
    private List<string>? dcSubjects;
    private List<MediaObject>? mediaContents;
    private List<string>? mediaThumbnails;
    private List<string>? mediaKeywords;
    private List<string>? iTunesCategories;
    private List<string>? iTunesKeywords;
    private List<AtomLinkValue>? atomLinks;
    private List<FeedPerson>? atomAuthors;
    private List<string>? atomCategories;

    public IReadOnlyList<string> DcCreators => dcCreators ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> DcSubjects => dcSubjects ?? (IReadOnlyList<string>)[];
    public string? DcDate { get; set; }
    public string? DcModified { get; set; }
    public string? DcTitle { get; set; }
    public string? DcDescription { get; set; }
    public string? DcLanguage { get; set; }
    public string? DcIdentifier { get; set; }
    public string? DcRights { get; set; }
    public string? ContentEncoded { get; set; }
    public IReadOnlyList<MediaObject> MediaContents => mediaContents ?? (IReadOnlyList<MediaObject>)[];
    public IReadOnlyList<string> MediaThumbnails => mediaThumbnails ?? (IReadOnlyList<string>)[];
    public string? MediaTitle { get; set; }
    public string? MediaDescription { get; set; }
    public IReadOnlyList<string> MediaKeywords => mediaKeywords ?? (IReadOnlyList<string>)[];
    public string? ITunesAuthor { get; set; }
    public string? ITunesSummary { get; set; }
    public string? ITunesSubtitle { get; set; }
    public string? ITunesImage { get; set; }
    public string? ITunesDuration { get; set; }
    public IReadOnlyList<string> ITunesCategories => iTunesCategories ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> ITunesKeywords => iTunesKeywords ?? (IReadOnlyList<string>)[];
    public string? ITunesOwnerName { get; set; }
    public string? ITunesOwnerEmail { get; set; }
    public string? FeedBurnerOrigLink { get; set; }
    public string? FeedBurnerOrigEnclosureLink { get; set; }
    public IReadOnlyList<AtomLinkValue> AtomLinks => atomLinks ?? (IReadOnlyList<AtomLinkValue>)[];
    public string? AtomUpdated { get; set; }
    public string? AtomPublished { get; set; }

    /// <summary>Atom 0.3 &lt;created&gt;: a publication date when neither published nor issued is given.</summary>
    public string? AtomCreated { get; set; }

    public string? AtomSubtitle { get; set; }
    public string? AtomSummary { get; set; }
    public string? AtomContent { get; set; }
    public string? AtomId { get; set; }
    public string? AtomTitle { get; set; }
    public IReadOnlyList<FeedPerson> AtomAuthors => atomAuthors ?? (IReadOnlyList<FeedPerson>)[];
    public IReadOnlyList<string> AtomCategories => atomCategories ?? (IReadOnlyList<string>)[];

    public void AddDcCreator(string value) => (dcCreators ??= []).Add(value);

    public void AddDcSubject(string value) => (dcSubjects ??= []).Add(value);

    public void AddMediaContent(MediaObject value) => (mediaContents ??= []).Add(value);

    public void AddMediaThumbnail(string value) => (mediaThumbnails ??= []).Add(value);

    public void AddMediaKeywords(IEnumerable<string> values) => (mediaKeywords ??= []).AddRange(values);

    public void AddITunesCategory(string value) => (iTunesCategories ??= []).Add(value);

    public void AddITunesKeywords(IEnumerable<string> values) => (iTunesKeywords ??= []).AddRange(values);

    public void AddAtomLink(AtomLinkValue value) => (atomLinks ??= []).Add(value);

    public void AddAtomAuthor(FeedPerson value) => (atomAuthors ??= []).Add(value);

    public void AddAtomCategory(string value) => (atomCategories ??= []).Add(value);
}
