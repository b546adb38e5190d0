namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>Language codes as BCP 47 writes them: "en_US" → "en-US", surrounding space removed.</summary>
public static class LanguageTag
{
    public static string? Normalize(string? tag)
    {
        var t = tag?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Replace('_', '-');
    }
}
