using System.Globalization;
using System.Text.Json;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Reads a benchmark in the WCXB layout: ground-truth/NNNN.json = {"url", "ground_truth": {"title", "author",
/// "publish_date", "main_content", …}} beside html/NNNN.html.gz. Pages whose ground truth has no main_content are
/// not scored (they are counted in <see cref="ExtractionCorpusSet.Skipped"/>).
/// </summary>
public static class WcxbCorpus
{
    public static ExtractionCorpusSet Load(string directory)
    {
        var truthDirectory = Path.Combine(directory, "ground-truth");
        if (!Directory.Exists(truthDirectory))
        {
            throw new DirectoryNotFoundException($"No ground-truth/ folder in WCXB corpus folder '{directory}'.");
        }

        var pages = new List<ExtractionCorpusPage>();
        var skipped = new List<string>();
        foreach (var file in Directory.GetFiles(truthDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = json.RootElement;
            if (!root.TryGetProperty("ground_truth", out var truth) || !truth.TryGetProperty("main_content", out var body) || body.ValueKind != JsonValueKind.String)
            {
                skipped.Add(id);
                continue;
            }

            var url = StringOf(root, "url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed : null;
            pages.Add(new ExtractionCorpusPage(id, url, ExtractionCorpus.ReadHtml(directory, id), body.GetString() ?? "")
            {
                GoldTitle = StringOf(truth, "title"),
                GoldAuthor = StringOf(truth, "author"),
                GoldPublished = DateOf(StringOf(truth, "publish_date")),
            });
        }

        return new ExtractionCorpusSet("wcxb-dev", directory, pages, skipped);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static DateOnly? DateOf(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
