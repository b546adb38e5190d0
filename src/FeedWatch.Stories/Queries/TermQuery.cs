using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Queries;

/// <summary>A single word; matches any inflection ("strike" finds "strikes").</summary>
internal sealed record TermQuery(string Word) : QueryNode
{
    private readonly ulong _stem = TextAnalyzer.Analyze(Word).Tokens is [var t, ..] ? t.Stem : 0;

    public override bool Matches(QueryText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Stems.Contains(_stem);
    }
}
