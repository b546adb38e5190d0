namespace FeedWatch.Stories.Queries;

/// <summary>
/// A parsed story query. Syntax: words, "exact phrases", entity:"Proper Name", AND / OR / NOT (or a leading -),
/// parentheses; juxtaposition means AND; AND binds tighter than OR. Example:
/// <c>entity:"Baghdad" (embassy OR diplomats) AND (close OR withdraw) NOT football</c>.
/// </summary>
internal sealed class StoryQuery
{
    private StoryQuery(string text, QueryNode root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public QueryNode Root { get; }

    public static StoryQuery Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new StoryQuery(text, new QueryParser(text).ParseAll());
    }

    public bool Matches(QueryText text) => Root.Matches(text);
}
