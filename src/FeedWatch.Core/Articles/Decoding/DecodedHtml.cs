using System.Text;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>The page as text, the encoding used and where that choice came from (for diagnostics).</summary>
public sealed record DecodedHtml(string Text, Encoding Encoding, CharsetSource Source, bool WasTruncated);
