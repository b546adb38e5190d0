using System.Globalization;
using System.Text.Json;

namespace FeedWatch.Cli.Demo;

/// <summary>
/// The demo's story corpus shipped beside the executable (Demo/corpus): fictional outlets, one folder each, one
/// text file per article with a small header (title, published, release delay in seconds) above its paragraphs.
/// </summary>
public sealed record DemoCorpus(IReadOnlyList<OutletSite> Sites, string SeedHost, string SeedSlug)
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Demo", "corpus");

    public OutletPage SeedPage => Sites.Single(s => s.Host == SeedHost).Pages.Single(p => p.Slug == SeedSlug);

    public static DemoCorpus Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        var manifestPath = Path.Combine(folder, "corpus.json");
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var sites = new List<OutletSite>();
        foreach (var outlet in manifest.RootElement.GetProperty("outlets").EnumerateArray())
        {
            var host = outlet.GetProperty("host").GetString()!;
            var pages = Directory.GetFiles(Path.Combine(folder, host), "*.txt")
                .Order(StringComparer.Ordinal)
                .Select(ParsePage)
                .ToList();
            sites.Add(new OutletSite(host, outlet.GetProperty("name").GetString()!, pages));
        }

        var seed = manifest.RootElement.GetProperty("seed");
        return new DemoCorpus(sites, seed.GetProperty("host").GetString()!, seed.GetProperty("slug").GetString()!);
    }

    private static OutletPage ParsePage(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new InvalidDataException($"{path}: missing the '---' line between header and text.");
        }

        var header = text[..split].Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var paragraphs = text[(split + 5)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OutletPage(
            Path.GetFileNameWithoutExtension(path),
            header["title"],
            DateTimeOffset.Parse(header["published"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            paragraphs,
            TimeSpan.FromSeconds(double.Parse(header.GetValueOrDefault("release", "0"), CultureInfo.InvariantCulture)));
    }
}
