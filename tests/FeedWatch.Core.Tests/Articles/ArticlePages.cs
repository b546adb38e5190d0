using System.Text;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>Small original article pages for the extractor tests.</summary>
internal static class ArticlePages
{
    public const string Paragraph1 = "The river authority opened the northern sluice gates on Tuesday morning, releasing water that had been held back for three weeks, officials said.";
    public const string Paragraph2 = "Farmers downstream, who had waited since the spring for the release, welcomed the decision but said the timing came too late for the early crop.";
    public const string Paragraph3 = "The authority said further releases would depend on rainfall in the hills, on the level of the reservoir, and on a survey of the dam due next month.";
    public const string Subhead = "What happens next";
    public const string ListItem = "Releases resume when the reservoir reaches sixty percent, according to the plan";

    public static string Article(string head = "", string extraBody = "", string bodyAttributes = "") => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Sluice gates opened after three weeks | The Valley Courier</title>
          {{head}}
        </head>
        <body {{bodyAttributes}}>
          <header class="site-header"><a href="/">The Valley Courier</a>
            <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
          </header>
          <main>
            <article>
              <h1>Sluice gates opened after three weeks</h1>
              <div class="share-bar"><a href="https://x.example/share">Share on X</a> <span>Share this story, tell your friends, and follow us for more</span></div>
              <figure><img src="/gates.jpg" alt=""><figcaption>The northern sluice gates, photographed on Monday evening, before the release began.</figcaption></figure>
              <div class="article-body">
                <p>{{Paragraph1}}</p>
                <p>{{Paragraph2}}</p>
                <h2>{{Subhead}}</h2>
                <p>{{Paragraph3}}</p>
                <ul><li>{{ListItem}}</li></ul>
              </div>
              {{extraBody}}
              <aside class="related"><h3>Related stories</h3><ul>
                <li><a href="/a">Reservoir levels fall to a record low, experts warn of a dry summer ahead</a></li>
                <li><a href="/b">Council approves new flood defences for the lower valley after long debate</a></li>
              </ul></aside>
              <section id="comments" class="comments">
                <p>Comment by reader: this is a scandal, the gates should have opened weeks ago, and everyone knows it, honestly.</p>
                <p>Comment by another reader: the authority did its best, in difficult conditions, with the little water it had.</p>
              </section>
            </article>
          </main>
          <footer><p>Copyright The Valley Courier, all rights reserved, registered in the valley, company number 123456.</p></footer>
        </body>
        </html>
        """;

    public static byte[] Utf8(string html) => Encoding.UTF8.GetBytes(html);
}
