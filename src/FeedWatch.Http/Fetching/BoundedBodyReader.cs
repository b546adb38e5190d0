using System.Buffers;

namespace FeedWatch.Http.Fetching;

/// <summary>Reads a (decompressed) body while counting, so a huge or endless response — or a zip bomb — stops at the limit.</summary>
internal static class BoundedBodyReader
{
    public static async Task<byte[]> ReadAsync(Stream body, long? declaredLength, long limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        using var buffer = new MemoryStream(declaredLength is > 0 and < 1 << 20 ? (int)declaredLength : 64 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new BodyTooLargeException(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
