namespace FeedWatch.Core.Articles.Content;

/// <summary>Per-element totals over the text blocks below it, and its content score once it became a candidate.</summary>
public sealed class ElementStats
{
    public int TextLength { get; set; }
    public int LinkLength { get; set; }
    public double Score { get; set; }
    public bool IsCandidate { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : (double)LinkLength / TextLength;
}
