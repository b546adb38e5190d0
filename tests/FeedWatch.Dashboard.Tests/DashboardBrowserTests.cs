using System.Net.Http.Json;
using System.Text.Json;
using FeedWatch.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FeedWatch.Dashboard.Tests;

/// <summary>
/// The page in a real browser: Debian's headless Chromium (never a downloaded one) driven by Playwright's offline driver.
/// Fails — never skips — when Chromium is missing: `.ci/run` installs it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-screenshots");

    [Fact]
    public async Task Timeline_shows_five_outlets_and_comparison_highlights_shared_passages_on_both_sides()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does).");
        Directory.CreateDirectory(ScreenshotFolder);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add("console error: " + message.Text);
            }
        };
        page.RequestFailed += (_, request) => failures.Add("request failed: " + request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"HTTP {response.Status}: {response.Url}");
            }
        };

        // Stories list.
        await page.GotoAsync(fixture.BaseAddress.ToString());
        await WaitReadyAsync(page);
        Assert.Contains("shut its embassy", await page.InnerTextAsync("#view"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "stories.png");

        // Story page: one timeline row per outlet.
        await page.GotoAsync(fixture.BaseAddress + "#/story/" + Uri.EscapeDataString(fixture.StoryId));
        await WaitReadyAsync(page);
        var rows = page.Locator("g.timeline-outlet");
        Assert.Equal(5, await rows.CountAsync());
        var outlets = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            outlets.Add(await rows.Nth(i).GetAttributeAsync("data-outlet") ?? "");
        }

        Assert.Equal(["seed-a.example", "seed-b.example", "seed-c.example", "seed-d.example", "seed-e.example"], outlets.Order(StringComparer.Ordinal));
        Assert.Equal(0, await page.Locator("g.timeline-outlet[data-outlet=\"seed-b.example\"] a").CountAsync()); // the origin has no source to compare with
        await ScreenshotAsync(page, "story.png");

        // Comparison of the near-verbatim reprint with its source: highlighted passages on both sides.
        var story = await fixture.Http.GetFromJsonAsync<JsonElement>($"api/stories/{fixture.StoryId}");
        var reprint = story.GetProperty("articles").EnumerateArray().Single(a => a.GetProperty("outlet").GetString() == "seed-d.example");
        var reprintId = reprint.GetProperty("id").GetString()!;
        var sourceId = reprint.GetProperty("sourceArticleId").GetString()!;
        await page.GotoAsync(fixture.BaseAddress + "#/compare/" + Uri.EscapeDataString(reprintId));
        await WaitReadyAsync(page);
        var articleMarks = await page.Locator($".side[data-article=\"{reprintId}\"] mark.passage").CountAsync();
        var sourceMarks = await page.Locator($".side[data-article=\"{sourceId}\"] mark.passage").CountAsync();
        Assert.True(articleMarks > 0, "no highlighted passage on the article's side");
        Assert.True(sourceMarks > 0, "no highlighted passage on the source's side");
        Assert.Equal(await page.InnerTextAsync("#passage-count"), (await page.Locator($".side[data-article=\"{reprintId}\"] mark.passage").EvaluateAllAsync<string[]>("ms => [...new Set(ms.map(m => m.dataset.passage))]")).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScreenshotAsync(page, "compare.png");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task WaitReadyAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#view[data-ready=\"true\"], #view[data-ready=\"error\"]", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Equal("true", await page.GetAttributeAsync("#view", "data-ready"));
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
    }
}
