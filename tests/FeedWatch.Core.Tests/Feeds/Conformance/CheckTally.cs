namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>Counts applicable field checks and groups failures into categories for the conformance report.</summary>
internal sealed class CheckTally
{
    private readonly Dictionary<string, List<string>> failures = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Failed { get; private set; }

    public double PassRate => Total == 0 ? 0 : (Total - Failed) / (double)Total;

    public void Check(string category, string file, string? expected, string? actual)
    {
        Total++;
        var e = Normalize(expected);
        var a = Normalize(actual);
        if (e == a)
        {
            return;
        }

        Failed++;
        Fail(category, $"{file}: expected «{Clip(e)}» got «{Clip(a)}»");
    }

    public void Fail(string category, string detail)
    {
        if (!failures.TryGetValue(category, out var list))
        {
            failures[category] = list = [];
        }

        list.Add(detail);
    }

    public void Crash(string file, Exception ex)
    {
        Total++;
        Failed++;
        Fail("crash/" + ex.GetType().Name, $"{file}: {ex.Message}");
    }

    public IEnumerable<string> Report(string title)
    {
        yield return $"{title}: {Total - Failed}/{Total} applicable checks pass ({PassRate:P2})";
        foreach (var (category, list) in failures.OrderByDescending(f => f.Value.Count))
        {
            yield return $"  {list.Count,4}  {category}";
            foreach (var example in list.Take(3))
            {
                yield return $"          e.g. {example}";
            }
        }
    }

    private static string Normalize(string? s) => (s ?? string.Empty).Trim();

    private static string Clip(string s) => s.Length > 90 ? s[..90] + "…" : s;
}
