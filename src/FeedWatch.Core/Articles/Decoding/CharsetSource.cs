namespace FeedWatch.Core.Articles.Decoding;

/// <summary>Which signal decided the character set, in the order they are trusted.</summary>
public enum CharsetSource
{
    ByteOrderMark,
    HttpHeader,
    MetaTag,
    Detected,
}
