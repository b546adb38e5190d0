using System.Text;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// The head of one HTTP/1.1 request as the proxy read it (request line and headers), plus the body bytes that
/// arrived with it. <see cref="ToUpstreamBytes"/> re-sends it with "Connection: close", so every exchange is one
/// request on one connection and the answer ends when Azurite closes it.
/// </summary>
public sealed record StorageRequestHead(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] BodyStart)
{
    private const int MaxHeadBytes = 64 * 1024;

    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public long ContentLength => long.TryParse(Header("Content-Length"), out var length) ? length : 0;

    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>For a blob request ("/{account}/{container}/{blob}"), the blob name; otherwise null.</summary>
    public string? BlobName
    {
        get
        {
            var path = Target.Split('?', 2)[0];
            var parts = path.Split('/', 4);
            return parts.Length == 4 && parts[3].Length > 0 ? Uri.UnescapeDataString(parts[3]) : null;
        }
    }

    public byte[] ToUpstreamBytes()
    {
        var head = new StringBuilder().Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in Headers.Where(h => !h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. BodyStart];
    }

    /// <summary>Reads up to the blank line; null when the client closed without sending a request.</summary>
    public static async Task<StorageRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[8192];
        var received = new MemoryStream();
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            received.Write(buffer, 0, read);
            var bytes = received.GetBuffer().AsSpan(0, (int)received.Length);
            var end = bytes.IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return Parse(Encoding.Latin1.GetString(bytes[..end]), bytes[(end + 4)..].ToArray());
            }

            if (received.Length > MaxHeadBytes)
            {
                throw new InvalidDataException("request head larger than 64 KiB");
            }
        }
    }

    private static StorageRequestHead Parse(string head, byte[] bodyStart)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2)
            .Select(pair => KeyValuePair.Create(pair[0].Trim(), pair[1].Trim()))
            .ToList();
        return new StorageRequestHead(requestLine[0], requestLine[1], headers, bodyStart);
    }
}
