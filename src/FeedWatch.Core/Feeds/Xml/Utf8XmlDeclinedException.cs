namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Thrown inside <see cref="Utf8XmlTreeBuilder"/> when the document uses something the byte-level reader does not
/// handle (or is not well-formed); <see cref="Utf8XmlTreeReader"/> turns it into "declined" and the caller falls back
/// to <see cref="StrictXmlReader"/>. Never escapes the reader.
/// </summary>
internal sealed class Utf8XmlDeclinedException() : Exception("declined by the UTF-8 tree reader")
{
    public static readonly Utf8XmlDeclinedException Instance = new();
}
