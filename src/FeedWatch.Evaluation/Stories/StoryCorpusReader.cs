using System.Text.Json;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Evaluation.Stories;

/// <summary>Reads a JSON Lines story corpus; a malformed line is reported with its number instead of being skipped.</summary>
public static class StoryCorpusReader
{
    public static IReadOnlyList<CorpusArticle> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var articles = new List<CorpusArticle>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            CorpusArticle? article;
            try
            {
                article = JsonSerializer.Deserialize<CorpusArticle>(line, FeedWatchJson.Options);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Corpus line {lineNumber} is not valid JSON: {ex.Message}", ex);
            }

            if (article is null || string.IsNullOrEmpty(article.Id) || string.IsNullOrEmpty(article.Outlet))
            {
                throw new FormatException($"Corpus line {lineNumber} lacks an \"id\" or \"outlet\".");
            }

            articles.Add(article);
        }

        return articles;
    }

    /// <summary>Published order; an article without a date keeps its file position (it sorts with its predecessor).</summary>
    public static IReadOnlyList<CorpusArticle> InPublishedOrder(IReadOnlyList<CorpusArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var effective = new DateTimeOffset[articles.Count];
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < articles.Count; i++)
        {
            last = articles[i].Published ?? last;
            effective[i] = last;
        }

        return [.. Enumerable.Range(0, articles.Count).OrderBy(i => effective[i]).ThenBy(i => i).Select(i => articles[i])];
    }
}
