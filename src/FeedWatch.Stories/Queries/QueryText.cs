using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Queries;

/// <summary>An article as queries see it: its tokens (title first) and the set of their stems.</summary>
internal sealed class QueryText
{
    public QueryText(IEnumerable<AnalyzedText> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Tokens = [.. parts.SelectMany(p => p.Tokens)];
        Stems = [.. Tokens.Select(t => t.Stem)];
    }

    public Token[] Tokens { get; }

    public HashSet<ulong> Stems { get; }
}
