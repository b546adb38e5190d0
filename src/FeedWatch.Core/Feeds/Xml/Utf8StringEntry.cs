namespace FeedWatch.Core.Feeds.Xml;

/// <summary>One string of <see cref="Utf8StringTable"/>, chained with the others of its hash bucket.</summary>
internal sealed record Utf8StringEntry(byte[] Bytes, uint Hash, string Value, Utf8StringEntry? Next);
