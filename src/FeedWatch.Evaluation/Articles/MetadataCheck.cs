namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Metadata of one page against the gold (null where the gold has none): title and author as word F1 and exact
/// (same lower-cased words), publication date found and on the same day.
/// </summary>
public sealed record MetadataCheck(double? TitleF1, bool? TitleExact, double? AuthorF1, bool? AuthorExact, bool? DateFound, bool? DateSameDay, bool DateOutput)
{
    private static readonly HashSet<string> AuthorNoise = new(StringComparer.Ordinal) { "by", "and", "written", "author" };

    public static MetadataCheck Of(ExtractionCorpusPage page, ExtractedArticle article)
    {
        double? titleF1 = null, authorF1 = null;
        bool? titleExact = null, authorExact = null, dateFound = null, sameDay = null;
        if (page.GoldTitle is { } goldTitle)
        {
            var score = WordF1Scorer.Score(article.Title ?? "", goldTitle);
            titleF1 = score.F1;
            titleExact = score.Common == score.Gold && score.Common == score.Predicted;
        }

        if (page.GoldAuthor is { } goldAuthor)
        {
            var predicted = Without(WordF1Scorer.Words(string.Join(", ", article.Authors)));
            var gold = Without(WordF1Scorer.Words(goldAuthor));
            var common = predicted.Sum(p => Math.Min(p.Value, gold.GetValueOrDefault(p.Key)));
            var p = predicted.Values.Sum();
            var g = gold.Values.Sum();
            authorF1 = p + g == 0 ? 1 : 2.0 * common / (p + g);
            authorExact = common == p && common == g;
        }

        if (page.GoldPublished is { } goldDate)
        {
            dateFound = article.Published is not null;
            sameDay = article.Published is { } published && DateOnly.FromDateTime(published.DateTime) == goldDate;
        }

        return new MetadataCheck(titleF1, titleExact, authorF1, authorExact, dateFound, sameDay, article.Published is not null);
    }

    private static Dictionary<string, int> Without(Dictionary<string, int> words)
    {
        foreach (var noise in AuthorNoise)
        {
            words.Remove(noise);
        }

        return words;
    }
}
