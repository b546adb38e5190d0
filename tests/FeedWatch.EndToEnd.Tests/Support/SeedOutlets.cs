using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Demo;

namespace FeedWatch.EndToEnd.Tests.Support;

/// <summary>
/// The five seed articles as five outlets (seed-a.example … seed-e.example), each feed also carrying 20 BASIL
/// articles as noise: 100 distinct noise articles in all, read in place from ../shared/data.
/// </summary>
public static class SeedOutlets
{
    public const int NoisePerOutlet = 20;

    public static IReadOnlyList<OutletSite> Build(out IReadOnlyDictionary<string, string> noiseSlugs)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("seeds", "manifest.json")));
        var basil = File.ReadLines(SharedData.PathOf("stories", "basil.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Take(NoisePerOutlet * 5)
            .ToList();
        var noise = new Dictionary<string, string>(StringComparer.Ordinal);
        var sites = new List<OutletSite>();
        var index = 0;
        foreach (var seed in manifest.RootElement.EnumerateArray().OrderBy(e => e.GetProperty("outlet").GetString(), StringComparer.Ordinal))
        {
            var host = seed.GetProperty("outlet").GetString()!;
            var title = seed.GetProperty("title").GetString()!;
            var lines = File.ReadAllLines(SharedData.PathOf("seeds", seed.GetProperty("file").GetString()!))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .ToList();
            if (lines.Count > 0 && lines[0].Contains(title, StringComparison.Ordinal))
            {
                lines.RemoveAt(0); // the file repeats the headline on its first line; the page has it in <h1>
            }

            var pages = new List<OutletPage>
            {
                new(seed.GetProperty("id").GetString()!, title, Date(seed.GetProperty("published").GetString()), lines, TimeSpan.Zero),
            };
            foreach (var article in basil.Skip(index * NoisePerOutlet).Take(NoisePerOutlet))
            {
                var slug = "noise-" + Slugify(article.GetProperty("id").GetString()!);
                noise[host + "/" + slug] = article.GetProperty("id").GetString()!;
                pages.Add(new OutletPage(
                    slug,
                    article.GetProperty("title").GetString() ?? slug,
                    Date(article.GetProperty("published").GetString()),
                    article.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    TimeSpan.Zero));
            }

            sites.Add(new OutletSite(host, "Seed outlet " + host, pages));
            index++;
        }

        noiseSlugs = noise;
        return sites;
    }

    private static DateTimeOffset Date(string? value) =>
        value is null ? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Slugify(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
