namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Corpus figures over a set of pages. Shingles (scrapinghub's published method): precision averaged over pages
/// with non-empty output, recall over all pages, F1 the harmonic mean of the averages. Words (WCXB's method):
/// per-page F1 averaged over all pages (an empty output scores 0), precision and recall averaged likewise.
/// Metadata: title and author exact rate and mean word F1 over pages whose gold has one; date same-day accuracy
/// over pages whose gold has a date (a missing date counts as wrong), coverage (a date output) on those pages,
/// and precision (same day among the dated outputs).
/// </summary>
public sealed record ExtractionSummary(
    int Pages,
    int EmptyPages,
    double ShinglePrecision,
    double ShingleRecall,
    double WordPrecision,
    double WordRecall,
    double WordF1,
    MetadataFigure Title,
    MetadataFigure Author,
    DateFigure Date)
{
    public double ShingleF1 => ShinglePrecision + ShingleRecall == 0 ? 0 : 2 * ShinglePrecision * ShingleRecall / (ShinglePrecision + ShingleRecall);

    /// <summary>What cross-validation maximises on the tuning half: both corpora's metrics at once.</summary>
    public double Objective => (WordF1 + ShingleF1) / 2;

    public static ExtractionSummary From(IReadOnlyList<PageEvaluation> pages)
    {
        var nonEmpty = pages.Where(p => p.Score.Predicted > 0).ToList();
        var titles = pages.Where(p => p.Metadata.TitleF1 is not null).ToList();
        var authors = pages.Where(p => p.Metadata.AuthorF1 is not null).ToList();
        var dated = pages.Where(p => p.Metadata.DateSameDay is not null).ToList();
        var dateOutputs = dated.Count(p => p.Metadata.DateOutput);
        return new ExtractionSummary(
            pages.Count,
            pages.Count(p => p.Article.Text.Length == 0),
            nonEmpty.Count == 0 ? 0 : nonEmpty.Average(p => p.Score.Precision),
            Mean(pages, p => p.Score.Recall),
            Mean(pages, p => p.Words.Precision),
            Mean(pages, p => p.Words.Recall),
            Mean(pages, p => p.Words.F1),
            new MetadataFigure(titles.Count, Mean(titles, p => p.Metadata.TitleExact == true ? 1 : 0), Mean(titles, p => p.Metadata.TitleF1!.Value)),
            new MetadataFigure(authors.Count, Mean(authors, p => p.Metadata.AuthorExact == true ? 1 : 0), Mean(authors, p => p.Metadata.AuthorF1!.Value)),
            new DateFigure(
                dated.Count,
                Mean(dated, p => p.Metadata.DateSameDay == true ? 1 : 0),
                Mean(dated, p => p.Metadata.DateFound == true ? 1 : 0),
                dateOutputs == 0 ? 0 : (double)dated.Count(p => p.Metadata.DateSameDay == true) / dateOutputs));
    }

    private static double Mean(IReadOnlyList<PageEvaluation> pages, Func<PageEvaluation, double> value) => pages.Count == 0 ? 0 : pages.Average(value);
}
