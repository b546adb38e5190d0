namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>Splits the free-text author forms of RSS ("jo@x.org (Jo Bloggs)", "Jo Bloggs &lt;jo@x.org&gt;", "Jo").</summary>
public static class PersonText
{
    public static FeedPerson? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        var close = s.LastIndexOf(')');
        if (open > 0 && close > open)
        {
            var outside = s[..open].Trim();
            var inside = s[(open + 1)..close].Trim();
            if (outside.Contains('@', StringComparison.Ordinal))
            {
                return new FeedPerson(NullIfEmpty(inside), outside, null);
            }

            if (inside.Contains('@', StringComparison.Ordinal))
            {
                return new FeedPerson(NullIfEmpty(outside), inside, null);
            }
        }

        var lt = s.IndexOf('<', StringComparison.Ordinal);
        var gt = s.LastIndexOf('>');
        if (lt >= 0 && gt > lt && s[(lt + 1)..gt].Contains('@', StringComparison.Ordinal))
        {
            return new FeedPerson(NullIfEmpty(s[..lt].Trim().Trim('"')), s[(lt + 1)..gt].Trim(), null);
        }

        if (!s.Contains(' ', StringComparison.Ordinal) && s.Contains('@', StringComparison.Ordinal))
        {
            return new FeedPerson(null, s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? s[7..] : s, null);
        }

        return new FeedPerson(s, null, null);
    }

    /// <summary>Each text that names someone, parsed; empty input gives a shared empty list.</summary>
    public static IReadOnlyList<FeedPerson> ParseAll(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var people = new List<FeedPerson>(texts.Count);
        foreach (var text in texts)
        {
            if (Parse(text) is { } person)
            {
                people.Add(person);
            }
        }

        return people;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
