namespace FeedWatch.Core.Feeds.Charsets;

/// <summary>The document as text, the encoding it was read with, and any disagreement found on the way.</summary>
public sealed record DecodedDocument(string Text, string EncodingName);
