namespace FeedWatch.Core.Articles.Robots;

/// <summary>One allow/disallow line. The pattern may use "*" (any characters) and a trailing "$" (end of URL).</summary>
public sealed record RobotsRule(bool Allow, string Pattern)
{
    /// <summary>Match length used for precedence: the most specific (longest) matching rule wins (RFC 9309 §2.2.2).</summary>
    public int Specificity => Pattern.Length;

    public bool Matches(string pathAndQuery) => Matches(pathAndQuery.AsSpan(), Pattern.AsSpan());

    private static bool Matches(ReadOnlySpan<char> path, ReadOnlySpan<char> pattern)
    {
        // Iterative wildcard matching with one backtrack point: linear in practice, no recursion on hostile patterns.
        int p = 0, s = 0, starP = -1, starS = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starS = s;
            }
            else if (p < pattern.Length && pattern[p] == '$' && p == pattern.Length - 1)
            {
                // "$" only anchors at the very end; the path has more characters, so fall back to the last "*".
                if (starP < 0)
                {
                    return false;
                }

                p = starP + 1;
                s = ++starS;
            }
            else if (p < pattern.Length && pattern[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p == pattern.Length && starP < 0)
            {
                return true; // Prefix match: the pattern is used up and had no "$".
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                s = ++starS;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length || (p == pattern.Length - 1 && pattern[p] == '$');
    }
}
