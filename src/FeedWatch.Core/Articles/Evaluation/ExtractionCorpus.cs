using System.IO.Compression;
using System.Text.Json;

namespace FeedWatch.Core.Articles.Evaluation;

/// <summary>
/// Reads a benchmark in the scrapinghub layout: ground-truth.json = {id: {"articleBody","url"}} and
/// html/&lt;id&gt;.html.gz (or .html). Pure file reading; the data stays where it is.
/// </summary>
public static class ExtractionCorpus
{
    /// <summary>Where the shared benchmark lives relative to the repository root.</summary>
    public const string DefaultRelativePath = "../shared/data/extraction/scrapinghub";

    public static IReadOnlyList<ExtractionCorpusPage> Load(string directory)
    {
        var truthPath = Path.Combine(directory, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"No ground-truth.json in extraction corpus folder '{directory}'.", truthPath);
        }

        using var truth = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var pages = new List<ExtractionCorpusPage>();
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var gold = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "";
            var url = entry.Value.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            pages.Add(new ExtractionCorpusPage(entry.Name, url, ReadHtml(directory, entry.Name), gold));
        }

        return pages;
    }

    public static byte[] ReadHtml(string directory, string id)
    {
        var gz = Path.Combine(directory, "html", id + ".html.gz");
        if (File.Exists(gz))
        {
            return Gunzip(File.ReadAllBytes(gz));
        }

        var plain = Path.Combine(directory, "html", id + ".html");
        if (File.Exists(plain))
        {
            return File.ReadAllBytes(plain);
        }

        throw new FileNotFoundException($"Page '{id}' listed in ground-truth.json has no html file.", gz);
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Finds the corpus by walking up from <paramref name="start"/> to the folder holding FeedWatch.sln.</summary>
    public static string? FindDefault(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, DefaultRelativePath));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
