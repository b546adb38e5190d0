namespace FeedWatch.Core.Stories.Text;

/// <summary>
/// A deliberately light English suffix stripper (plural, -ing, -ed) so inflections of one word meet as a topic term.
/// Aggressive stemming would conflate names and numbers; this only touches lower-case word endings.
/// </summary>
public static class LightStemmer
{
    /// <summary>Length of the stem of a lower-cased word (the caller hashes the prefix).</summary>
    public static int StemLength(ReadOnlySpan<char> lower)
    {
        var n = lower.Length;
        if (n <= 4)
        {
            return n;
        }

        if (lower.EndsWith("ies"))
        {
            return n - 2; // "ies" -> "i": studies/studied meet at "studi"
        }

        if (lower.EndsWith("ied"))
        {
            return n - 2;
        }

        if (n > 5 && lower.EndsWith("ing"))
        {
            return n - 3;
        }

        if (lower.EndsWith("ed"))
        {
            return n - 2;
        }

        if (lower.EndsWith("es") && (lower[n - 3] is 's' or 'x' or 'z' || lower.EndsWith("ches") || lower.EndsWith("shes")))
        {
            return n - 2;
        }

        if (lower[n - 1] == 's' && lower[n - 2] is not ('s' or 'u' or 'i'))
        {
            return n - 1;
        }

        if (lower[n - 1] == 'e')
        {
            return n - 1; // "rehabilitate"/"rehabilitated" and "charge"/"charged" meet
        }

        return n;
    }
}
