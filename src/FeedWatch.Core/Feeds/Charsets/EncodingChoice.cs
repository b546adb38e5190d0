using System.Text;

namespace FeedWatch.Core.Feeds.Charsets;

/// <summary>
/// The encoding chosen for a document before any decoding: the encoding (null when the named one is unknown), its
/// canonical name, what the XML declaration said, and how many byte-order-mark bytes precede the text.
/// </summary>
public sealed record EncodingChoice(System.Text.Encoding? Encoding, string? Name, string? Declared, int BomLength);
