namespace FeedWatch.Core.Feeds;

public sealed record FeedParserOptions
{
    /// <summary>Inputs larger than this are refused before parsing (memory safety).</summary>
    public long MaxBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>
    /// Read plain UTF-8 documents with the byte-level <see cref="Xml.Utf8XmlTreeReader"/> (falling back to XmlReader for
    /// whatever it declines). The result is identical either way; false exists to prove that (the corpus test
    /// compares both) and as an escape hatch (configuration key FeedWatch:FeedParser:Utf8TreeReader).
    /// </summary>
    public bool Utf8TreeReader { get; init; } = true;
}
