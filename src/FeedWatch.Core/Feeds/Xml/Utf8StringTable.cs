using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Strings for byte sequences that recur across feeds — namespace URIs and short attribute values ("2.0", "html",
/// "alternate", "text/html") — so each occurrence costs a hash and a comparison instead of a decode and an allocation.
/// Kept per thread with the other reader state; <see cref="IsFull"/> lets the owner replace it so unique values
/// cannot grow it without bound.
/// </summary>
internal sealed class Utf8StringTable
{
    public const int MaxNewBytes = 64 * 1024;

    private const int BucketCount = 512;

    private readonly Utf8StringEntry?[] buckets = new Utf8StringEntry?[BucketCount];
    private int newBytes;

    public bool IsFull => newBytes > MaxNewBytes;

    /// <summary>The string for these UTF-8 bytes (which need no rewriting: no references, no whitespace to normalise).</summary>
    public string Get(ReadOnlySpan<byte> bytes)
    {
        var hash = (uint)bytes.Length;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        ref var bucket = ref buckets[hash & (BucketCount - 1)];
        for (var entry = bucket; entry is not null; entry = entry.Next)
        {
            if (entry.Hash == hash && bytes.SequenceEqual(entry.Bytes))
            {
                return entry.Value;
            }
        }

        var value = Encoding.UTF8.GetString(bytes);
        if (IsFull)
        {
            // Full for the rest of this document (it is replaced after it): keep chains short, just decode.
            return value;
        }

        bucket = new Utf8StringEntry(bytes.ToArray(), hash, value, bucket);
        newBytes += bytes.Length;
        return value;
    }
}
