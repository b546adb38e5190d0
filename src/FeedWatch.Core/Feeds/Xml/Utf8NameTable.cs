using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Atomises names straight from their UTF-8 bytes (ASCII names only; the reader declines any other). Kept per thread
/// across documents: feeds use the same few dozen names, so after the first document a name costs a hash and a byte
/// comparison. <see cref="IsFull"/> lets the owner replace it so junk names cannot grow it without bound.
/// </summary>
internal sealed class Utf8NameTable
{
    /// <summary>Bytes of distinct names after which the table is replaced (a real feed needs well under 2,000).</summary>
    public const int MaxNewBytes = 64 * 1024;

    private const int BucketCount = 1024;

    private readonly Utf8Name?[] buckets = new Utf8Name?[BucketCount];
    private int newBytes;

    public bool IsFull => newBytes > MaxNewBytes;

    /// <summary>
    /// The name for these bytes, or null when they are not a namespace-well-formed QName (a:b:c, a:, a:1) or the table
    /// is full: the buckets are fixed, so a document with a flood of distinct names would make every lookup a long
    /// chain walk; it is declined (XmlReader's own table grows) and the table is replaced after the document.
    /// </summary>
    public Utf8Name? Get(ReadOnlySpan<byte> bytes)
    {
        var hash = Hash(bytes);
        for (var name = buckets[hash & (BucketCount - 1)]; name is not null; name = name.Next)
        {
            if (name.Hash == hash && bytes.SequenceEqual(name.Bytes))
            {
                return name;
            }
        }

        return IsFull ? null : Add(bytes, hash);
    }

    private Utf8Name? Add(ReadOnlySpan<byte> bytes, uint hash)
    {
        var colon = bytes.IndexOf((byte)':');
        string prefix;
        string local;
        if (colon < 0)
        {
            prefix = string.Empty;
            local = Encoding.ASCII.GetString(bytes);
        }
        else
        {
            var after = bytes[(colon + 1)..];
            if (colon == 0 || after.Length == 0 || after.IndexOf((byte)':') >= 0 || !Utf8XmlBytes.IsNameStart(after[0]))
            {
                return null;
            }

            prefix = Encoding.ASCII.GetString(bytes[..colon]);
            local = Encoding.ASCII.GetString(after);
        }

        var name = new Utf8Name(bytes.ToArray(), hash, prefix, local);
        ref var bucket = ref buckets[hash & (BucketCount - 1)];
        name.Next = bucket;
        bucket = name;
        newBytes += bytes.Length;
        return name;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
