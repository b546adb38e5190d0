namespace FeedWatch.Stories.Text;

/// <summary>A text split into tokens and sentences; the input of every fingerprint.</summary>
public sealed class AnalyzedText
{
    internal AnalyzedText(string text, Token[] tokens, Sentence[] sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    public string Text { get; }

    internal Token[] Tokens { get; }

    public Sentence[] Sentences { get; }

    internal ReadOnlySpan<Token> SentenceTokens(int sentence)
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
