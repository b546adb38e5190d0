namespace FeedWatch.Stories.Text;

/// <summary>A text split into tokens and sentences; the input of every fingerprint.</summary>
public sealed class AnalyzedText(string text, Token[] tokens, Sentence[] sentences)
{
    public string Text { get; } = text;

    public Token[] Tokens { get; } = tokens;

    public Sentence[] Sentences { get; } = sentences;

    public ReadOnlySpan<Token> SentenceTokens(int sentence)
    {
        var s = Sentences[sentence];
        return Tokens.AsSpan(s.FirstToken, s.TokenCount);
    }

    public string SentenceText(int sentence)
    {
        var s = Sentences[sentence];
        return Text.Substring(s.CharStart, s.CharLength).Trim();
    }
}
