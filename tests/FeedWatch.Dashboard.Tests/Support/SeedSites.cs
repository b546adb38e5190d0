using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Demo;

namespace FeedWatch.Dashboard.Tests.Support;

/// <summary>The five seed articles (read in place from ../shared/data/seeds) as five loopback outlets, one article each.</summary>
public static class SeedSites
{
    public static IReadOnlyList<OutletSite> Build()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("seeds", "manifest.json")));
        var sites = new List<OutletSite>();
        foreach (var seed in manifest.RootElement.EnumerateArray())
        {
            var host = seed.GetProperty("outlet").GetString()!;
            var title = seed.GetProperty("title").GetString()!;
            var lines = File.ReadAllLines(SharedData.PathOf("seeds", seed.GetProperty("file").GetString()!))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .ToList();
            if (lines.Count > 0 && lines[0].Contains(title, StringComparison.Ordinal))
            {
                lines.RemoveAt(0); // the headline is repeated on the first line; the page carries it in <h1>
            }

            var published = seed.GetProperty("published").GetString();
            var page = new OutletPage(
                seed.GetProperty("id").GetString()!,
                title,
                published is null ? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) : DateTimeOffset.Parse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                lines,
                TimeSpan.Zero);
            sites.Add(new OutletSite(host, "Seed outlet " + host, [page]));
        }

        return sites;
    }
}
