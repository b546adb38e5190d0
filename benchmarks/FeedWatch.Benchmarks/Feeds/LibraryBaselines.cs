using System.ServiceModel.Syndication;
using System.Xml;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>
/// The feed libraries FeedWatch is compared with, called as their documentation shows: CodeHollow.FeedReader 2.1.1
/// (<c>FeedReader.ReadFromByteArray</c>) and System.ServiceModel.Syndication 11 (<c>SyndicationFeed.Load</c> over an
/// XmlReader that ignores DTDs, as FeedWatch does). Each returns the item count so the work cannot be optimised away.
/// </summary>
internal static class LibraryBaselines
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public static int CodeHollow(byte[] bytes) => global::CodeHollow.FeedReader.FeedReader.ReadFromByteArray(bytes).Items.Count;

    public static int Syndication(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
        return SyndicationFeed.Load(reader).Items.Count();
    }

    /// <summary>Parses every feed; a feed the library rejects costs what it cost to reject it.</summary>
    public static int All(byte[][] feeds, Func<byte[], int> parse)
    {
        var items = 0;
        foreach (var feed in feeds)
        {
            try
            {
                items += parse(feed);
            }
#pragma warning disable CA1031 // the libraries throw various exception types on inputs they cannot read
            catch (Exception)
#pragma warning restore CA1031
            {
                // rejected: part of the work, as for FeedWatch's FeedParseException
            }
        }

        return items;
    }
}
