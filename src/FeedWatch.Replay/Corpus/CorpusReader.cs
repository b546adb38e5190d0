using System.Globalization;
using System.Text.Json;

namespace FeedWatch.Replay.Corpus;

/// <summary>Reads a JSON Lines story corpus. Blank lines are skipped; a bad line fails with its line number.</summary>
public static class CorpusReader
{
    public static IReadOnlyList<CorpusArticle> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static IReadOnlyList<CorpusArticle> Read(TextReader reader, string sourceName = "corpus")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var articles = new List<CorpusArticle>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var article = ParseLine(line, sourceName, lineNumber);
            if (!ids.Add(article.Id))
            {
                throw new CorpusFormatException($"{sourceName}:{lineNumber}: duplicate id \"{article.Id}\".");
            }

            articles.Add(article);
        }

        return articles;
    }

    private static CorpusArticle ParseLine(string line, string sourceName, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorpusFormatException($"{sourceName}:{lineNumber}: expected a JSON object.");
            }

            return new CorpusArticle(
                Id: Required(root, "id", sourceName, lineNumber),
                Story: Optional(root, "story"),
                Outlet: Required(root, "outlet", sourceName, lineNumber),
                Url: Optional(root, "url"),
                Published: ParseDate(Optional(root, "published"), sourceName, lineNumber),
                Title: Optional(root, "title") ?? "",
                Text: Optional(root, "text") ?? "",
                Lang: Optional(root, "lang"));
        }
        catch (JsonException ex)
        {
            throw new CorpusFormatException($"{sourceName}:{lineNumber}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private static string Required(JsonElement root, string name, string sourceName, int lineNumber) =>
        Optional(root, name) is { Length: > 0 } value
            ? value
            : throw new CorpusFormatException($"{sourceName}:{lineNumber}: \"{name}\" is missing or empty.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? ParseDate(string? value, string sourceName, int lineNumber)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new CorpusFormatException($"{sourceName}:{lineNumber}: \"published\" is not an ISO 8601 date: {value}");
    }
}
