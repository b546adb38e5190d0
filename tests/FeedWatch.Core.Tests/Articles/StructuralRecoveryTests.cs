using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>Pages whose article sits where the first pass's rules would drop it, and articles split into template parts.</summary>
public sealed class StructuralRecoveryTests
{
    private const string Prose1 = "The council approved the new flood barrier on Tuesday, after two years of debate, three public hearings and a revised budget.";
    private const string Prose2 = "Engineers expect construction to begin in spring, with the first section finished before the autumn storms, weather permitting.";
    private const string Prose3 = "Residents along the river said the decision came late, but welcomed it, and asked the council for regular updates on the schedule.";

    private readonly ArticleExtractor extractor = new();

    [Fact]
    public void Article_inside_one_widget_per_paragraph_is_recovered_by_the_relaxed_pass()
    {
        var html = $"""
            <html><body><nav><a href="/">Home</a></nav>
            <main><h1>Flood barrier approved</h1>
            <div class="page-widget"><p>{Prose1}</p></div>
            <div class="page-widget"><p>{Prose2}</p></div>
            <div class="page-widget"><p>{Prose3}</p></div>
            </main></body></html>
            """;

        var text = extractor.ExtractFromText(html).Text;

        Assert.Contains(Prose1, text);
        Assert.Contains(Prose3, text);
        Assert.DoesNotContain("Home", text);
    }

    [Fact]
    public void Article_wrapped_by_an_unclosed_aside_is_recovered()
    {
        var html = $"""
            <html><body><aside class="announcement">Holiday hours apply
            <main><article><h1>Flood barrier approved</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></article></main>
            </body></html>
            """;

        var text = extractor.ExtractFromText(html).Text;

        Assert.Contains(Prose2, text);
    }

    [Fact]
    public void Body_streamed_into_a_hidden_element_is_recovered()
    {
        var html = $"""
            <html><body><div id="shell">Loading…</div>
            <div hidden id="S:0"><h1>Flood barrier approved</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p></div>
            </body></html>
            """;

        Assert.Contains(Prose1, extractor.ExtractFromText(html).Text);
    }

    [Fact]
    public void Normal_pages_still_drop_hidden_text()
    {
        var html = $"""
            <html><body><article><h1>Flood barrier approved</h1><p>{Prose1}</p><p>{Prose2}</p><p>{Prose3}</p>
            <div hidden><p>Secret draft paragraph that readers never see on the page at all, kept for editors.</p></div></article>
            </body></html>
            """;

        var text = extractor.ExtractFromText(html).Text;

        Assert.Contains(Prose3, text);
        Assert.DoesNotContain("Secret draft", text);
    }

    [Fact]
    public void Sections_built_from_the_same_template_are_all_kept_and_link_lists_are_not()
    {
        static string Section(string heading, string prose) =>
            $"""<section class="chapter"><div class="wrap"><div class="chapter-inner"><h2>{heading}</h2><p>{prose}</p></div><div class="note">Part</div></div></section>""";

        var html = $"""
            <html><body><article><h1>Flood barrier approved</h1>
            <div class="parts">
            {Section("The decision", Prose1 + " " + Prose2 + " " + Prose3)}
            {Section("The schedule", Prose2)}
            {Section("The reaction", Prose3)}
            <section class="chapter"><div class="chapter-inner"><ul><li><a href="/a">Related: river levels rise again this week</a></li><li><a href="/b">Related: council budget vote delayed</a></li></ul></div></section>
            </div></article></body></html>
            """;

        var text = extractor.ExtractFromText(html).Text;

        Assert.Contains("The schedule", text);
        Assert.Contains("The reaction", text);
        Assert.DoesNotContain("Related:", text);
    }
}
