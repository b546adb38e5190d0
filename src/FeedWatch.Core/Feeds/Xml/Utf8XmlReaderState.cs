namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Everything the UTF-8 reader reuses from one document to the next on a thread: the name table, the text buffer,
/// the open-element stack, the namespace scope and the attribute scratch list. Creating these per document is what
/// made small feeds expensive with XmlReader.
/// </summary>
internal sealed class Utf8XmlReaderState
{
    /// <summary>Attributes on one element beyond which the reader declines (keeps the duplicate check cheap).</summary>
    public const int MaxAttributes = 64;

    public Utf8NameTable Names { get; private set; } = new();
    public Utf8StringTable Values { get; private set; } = new();
    public Utf8TextBuffer Text { get; } = new();
    public Utf8NamespaceScope Scope { get; } = new();
    public Utf8OpenElement[] Open { get; private set; } = new Utf8OpenElement[32];
    public Utf8PendingAttribute[] Attributes { get; } = new Utf8PendingAttribute[MaxAttributes];

    public void GrowOpen() => Open = [.. Open, .. new Utf8OpenElement[Open.Length]];

    /// <summary>Drops references to the finished document so it is not kept alive by the thread.</summary>
    public void Release(int openCount, int attributeCount)
    {
        Array.Clear(Open, 0, Math.Min(Open.Length, openCount));
        Array.Clear(Attributes, 0, attributeCount);
        Scope.Clear();
        Text.Shrink();
        if (Names.IsFull)
        {
            Names = new Utf8NameTable();
        }

        if (Values.IsFull)
        {
            Values = new Utf8StringTable();
        }
    }
}
