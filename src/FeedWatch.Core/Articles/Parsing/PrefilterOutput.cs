using System.Buffers;

namespace FeedWatch.Core.Articles.Parsing;

/// <summary>
/// The prefilter's output, written into one pooled buffer as long as the input (the prefilter only ever removes):
/// a page is a few hundred kilobytes, and a fresh builder per page would put that much on the large-object heap
/// every time only to copy it into the final string.
/// </summary>
internal sealed class PrefilterOutput(int capacity) : IDisposable
{
    private char[]? buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));

    public int Length { get; private set; }

    public void Append(string source, int start, int count)
    {
        source.AsSpan(start, count).CopyTo(buffer.AsSpan(Length));
        Length += count;
    }

    public override string ToString() => new(buffer!, 0, Length);

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
