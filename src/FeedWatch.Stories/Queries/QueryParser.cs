using System.Text;

namespace FeedWatch.Stories.Queries;

/// <summary>Recursive-descent parser for <see cref="StoryQuery"/> (Or := And {OR And}; And := Unary {[AND] Unary}; Unary := NOT Unary | Primary).</summary>
internal sealed class QueryParser(string text)
{
    private int _position;

    public QueryNode ParseAll()
    {
        var node = ParseOr();
        SkipSpace();
        if (_position < text.Length)
        {
            throw new QuerySyntaxException($"Unexpected '{text[_position]}' at position {_position} in query \"{text}\".");
        }

        return node;
    }

    private QueryNode ParseOr()
    {
        var parts = new List<QueryNode> { ParseAnd() };
        while (TryKeyword("OR"))
        {
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new OrQuery(parts);
    }

    private QueryNode ParseAnd()
    {
        var parts = new List<QueryNode> { ParseUnary() };
        while (true)
        {
            SkipSpace();
            if (_position >= text.Length || text[_position] == ')' || PeekKeyword("OR"))
            {
                break;
            }

            TryKeyword("AND");
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AndQuery(parts);
    }

    private QueryNode ParseUnary()
    {
        SkipSpace();
        if (TryKeyword("NOT"))
        {
            return new NotQuery(ParseUnary());
        }

        if (_position < text.Length && text[_position] == '-')
        {
            _position++;
            return new NotQuery(ParseUnary());
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        SkipSpace();
        if (_position >= text.Length)
        {
            throw new QuerySyntaxException($"Query \"{text}\" ends where a word, phrase or '(' was expected.");
        }

        if (text[_position] == '(')
        {
            _position++;
            var inner = ParseOr();
            SkipSpace();
            if (_position >= text.Length || text[_position] != ')')
            {
                throw new QuerySyntaxException($"Missing ')' in query \"{text}\".");
            }

            _position++;
            return inner;
        }

        if (text[_position] == '"')
        {
            return new PhraseQuery(ReadQuoted(), AsEntity: false);
        }

        if (string.Compare(text, _position, "entity:", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
        {
            _position += 7;
            if (_position < text.Length && text[_position] == '"')
            {
                return new PhraseQuery(ReadQuoted(), AsEntity: true);
            }

            return new PhraseQuery(ReadWord(), AsEntity: true);
        }

        var word = ReadWord();
        if (word.Length == 0)
        {
            throw new QuerySyntaxException($"Unexpected '{text[_position]}' at position {_position} in query \"{text}\".");
        }

        return new TermQuery(word);
    }

    private string ReadQuoted()
    {
        var close = text.IndexOf('"', _position + 1);
        if (close < 0)
        {
            throw new QuerySyntaxException($"Unclosed quote at position {_position} in query \"{text}\".");
        }

        var phrase = text[(_position + 1)..close];
        _position = close + 1;
        if (string.IsNullOrWhiteSpace(phrase))
        {
            throw new QuerySyntaxException($"Empty phrase in query \"{text}\".");
        }

        return phrase;
    }

    private string ReadWord()
    {
        var sb = new StringBuilder();
        while (_position < text.Length && !char.IsWhiteSpace(text[_position]) && text[_position] is not ('(' or ')' or '"'))
        {
            sb.Append(text[_position++]);
        }

        return sb.ToString();
    }

    private bool PeekKeyword(string keyword)
    {
        SkipSpace();
        var end = _position + keyword.Length;
        return end <= text.Length
            && string.CompareOrdinal(text, _position, keyword, 0, keyword.Length) == 0
            && (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] == '(' || text[end] == '"');
    }

    private bool TryKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        _position += keyword.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }
}
