using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// A run of inline text between two block boundaries (a paragraph, a list item, a heading, a table cell), with
/// the element that holds it. Text and link lengths count non-space characters so that markup whitespace does not
/// count as content.
/// </summary>
public sealed class TextBlock(IElement owner, string text, int textLength, int linkLength, BlockKind kind)
{
    public IElement Owner { get; } = owner;
    public string Text { get; } = text;
    public int TextLength { get; } = textLength;
    public int LinkLength { get; } = linkLength;
    public BlockKind Kind { get; } = kind;

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;
}
