using System.IO.Compression;
using System.Text.Json;

namespace FeedWatch.Evaluation.Articles;

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

    /// <summary>The shared corpora by name: "scrapinghub", "wcxb-dev" (folders under ../shared/data/extraction).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["scrapinghub", "wcxb-dev"];

    /// <summary>
    /// Loads a corpus given by name (<see cref="KnownNames"/>, found from the repository root above
    /// <paramref name="start"/>) or by folder; the layout (scrapinghub's ground-truth.json or WCXB's ground-truth/)
    /// is recognised from the files.
    /// </summary>
    public static ExtractionCorpusSet LoadSet(string nameOrPath, string start)
    {
        var directory = KnownNames.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase)
            ? FindNamed(start, nameOrPath) ?? throw new DirectoryNotFoundException($"Corpus '{nameOrPath}' not found at ../shared/data/extraction/{nameOrPath} relative to the repository root above '{start}'.")
            : Path.GetFullPath(nameOrPath);
        if (Directory.Exists(Path.Combine(directory, "ground-truth")))
        {
            return WcxbCorpus.Load(directory);
        }

        return new ExtractionCorpusSet(Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)), directory, Load(directory), []);
    }

    /// <summary>Finds the scrapinghub corpus by walking up from <paramref name="start"/> to the folder holding FeedWatch.sln.</summary>
    public static string? FindDefault(string start) => FindNamed(start, "scrapinghub");

    /// <summary>Finds a shared corpus by name by walking up from <paramref name="start"/> to the folder holding FeedWatch.sln.</summary>
    public static string? FindNamed(string start, string name)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "../shared/data/extraction", name));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
