using System.Globalization;
using System.Security.Cryptography;

namespace FeedWatch.Storage.Local.Queues;

/// <summary>
/// The name of a message file. A message never received is "{id}.json" (its delivery state is the one written at send
/// time). A received message carries its lease in the name — "{id}.{lease}.json", lease = "{dequeue count}.{next
/// visible, UTC ticks}.{random}" in hex — so a receive or a visibility update is one rename of the file (no new file,
/// no rewrite), a delete is one unlink of the exact name, and a receive skips hidden messages without reading them.
/// The lease is also the pop receipt handed to the consumer.
/// </summary>
internal readonly record struct MessageFileName(string Id, long DequeueCount, DateTimeOffset? NextVisibleOn, string? Lease)
{
    private const string Extension = ".json";

    public string FileName => Lease is null ? Id + Extension : Id + "." + Lease + Extension;

    /// <summary>A new lease: the dequeue count and visibility in the name, then randomness so every lease is new.</summary>
    public static string NewLease(long dequeueCount, DateTimeOffset nextVisibleOn) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{dequeueCount:x}.{nextVisibleOn.UtcTicks:x16}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}");

    public static MessageFileName Leased(string id, string lease) =>
        TryParseLease(lease, out var count, out var visible) ? new MessageFileName(id, count, visible, lease) : throw new ArgumentException("Not a lease.", nameof(lease));

    /// <summary>Parses a file name; false for a name this queue could not have written.</summary>
    public static bool TryParse(string fileName, out MessageFileName name)
    {
        name = default;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var stem = fileName[..^Extension.Length];
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            if (!IsWellFormedId(stem))
            {
                return false;
            }

            name = new MessageFileName(stem, 0, null, null);
            return true;
        }

        var id = stem[..dot];
        var lease = stem[(dot + 1)..];
        if (!IsWellFormedId(id) || !TryParseLease(lease, out var count, out var visible))
        {
            return false;
        }

        name = new MessageFileName(id, count, visible, lease);
        return true;
    }

    /// <summary>True for a pop receipt this queue could have issued (only those may become a path).</summary>
    public static bool IsWellFormedLease(string lease) => TryParseLease(lease, out _, out _);

    /// <summary>Ids come back from callers; only ids this queue could have made may touch the file system.</summary>
    public static bool IsWellFormedId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or '-');

    private static bool TryParseLease(string lease, out long dequeueCount, out DateTimeOffset nextVisibleOn)
    {
        dequeueCount = 0;
        nextVisibleOn = default;
        var parts = lease.Split('.');
        if (lease.Length > 64 || parts.Length != 3 || parts[2].Length != 16 || !parts[2].All(char.IsAsciiHexDigitLower) ||
            !long.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out dequeueCount) ||
            !long.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ticks) ||
            dequeueCount < 0 || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        nextVisibleOn = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
