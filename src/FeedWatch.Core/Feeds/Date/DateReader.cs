using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Date;

/// <summary>Parses a date field and records a problem (never an exception) when it is present but unreadable.</summary>
public static class DateReader
{
    public static DateTimeOffset? Read(string? raw, string field, ProblemLog problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var parsed = FeedDateParser.Parse(raw);
        if (parsed is null)
        {
            problems.Add($"unparseable date in {field}: '{(raw.Length > 60 ? raw[..60] : raw).Trim()}'");
        }

        return parsed;
    }
}
