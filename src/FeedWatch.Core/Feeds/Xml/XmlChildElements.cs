namespace FeedWatch.Core.Feeds.Xml;

/// <summary>The element children of an <see cref="XmlNode"/>, enumerated without allocating (the parsers' hot loop).</summary>
public readonly struct XmlChildElements(List<object>? children)
{
    public Enumerator GetEnumerator() => new(children);

    public struct Enumerator(List<object>? children)
    {
        private int index = -1;

        public XmlNode Current { get; private set; } = null!;

        public bool MoveNext()
        {
            if (children is null)
            {
                return false;
            }

            while (++index < children.Count)
            {
                if (children[index] is XmlNode e)
                {
                    Current = e;
                    return true;
                }
            }

            return false;
        }
    }
}
