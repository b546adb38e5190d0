using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Queries;

/// <summary>
/// Consecutive words, exactly ("Baghdad embassy"). With <see cref="AsEntity"/> (entity:"…") every word must also be
/// capitalised in the article, so entity:"Apple" finds the company and not the fruit.
/// </summary>
internal sealed record PhraseQuery(string Phrase, bool AsEntity) : QueryNode
{
    private readonly ulong[] _words = [.. TextAnalyzer.Analyze(Phrase).Tokens.Select(t => t.Hash)];

    public override bool Matches(QueryText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_words.Length == 0)
        {
            return false;
        }

        var tokens = text.Tokens;
        for (var i = 0; i + _words.Length <= tokens.Length; i++)
        {
            var all = true;
            for (var j = 0; j < _words.Length && all; j++)
            {
                var t = tokens[i + j];
                all = t.Hash == _words[j] && (!AsEntity || (t.Flags & (TokenFlags.Capitalized | TokenFlags.Number)) != 0);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
