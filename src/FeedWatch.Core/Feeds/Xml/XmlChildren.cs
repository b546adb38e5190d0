namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The children of an <see cref="XmlNode"/> (elements and text runs) without allocating: the node stores nothing,
/// one text run, or a list, and this view presents all three as a list.
/// </summary>
public readonly struct XmlChildren(object? content)
{
    public int Count => content switch
    {
        null => 0,
        List<object> list => list.Count,
        _ => 1,
    };

    public object this[int index] => content is List<object> list ? list[index]
        : index == 0 && content is not null ? content : throw new ArgumentOutOfRangeException(nameof(index));

    public Enumerator GetEnumerator() => new(content);

    public struct Enumerator(object? content)
    {
        private int index = -1;

        public readonly object Current => content is List<object> list ? list[index] : content!;

        public bool MoveNext()
        {
            index++;
            return content is List<object> list ? index < list.Count : content is not null && index == 0;
        }
    }
}
