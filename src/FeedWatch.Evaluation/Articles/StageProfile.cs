namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Where one pass of the extractor over a corpus spends its CPU time, stage by stage (measuring thread's CPU time).
/// Relaxed = the second content pass (prefilter, parse and walk again) on the pages that need it.
/// </summary>
public sealed record StageProfile(int Pages, TimeSpan Decode, TimeSpan Prefilter, TimeSpan Parse, TimeSpan Metadata, TimeSpan Content, TimeSpan Relaxed, int RelaxedPages, long PrefilteredChars, long DecodedChars)
{
    public TimeSpan Total => Decode + Prefilter + Parse + Metadata + Content + Relaxed;
}
