using FeedWatch.Stories.Queries;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

public sealed class StoryQueryTests
{
    private static QueryText Text(string text) => new([TextAnalyzer.Analyze(text)]);

    [Theory]
    [InlineData("bridge collapse", "The bridge began to collapse.", true)]
    [InlineData("bridge collapse", "The bridge stood firm.", false)]
    [InlineData("bridge OR tunnel", "A tunnel flooded.", true)]
    [InlineData("bridge NOT Northgate", "A bridge in Northgate.", false)]
    [InlineData("bridge -Northgate", "A bridge in Eastbrook.", true)]
    [InlineData("\"Marlow River\"", "Rescuers searched the Marlow River.", true)]
    [InlineData("\"Marlow River\"", "The river at Marlow.", false)]
    [InlineData("collapse", "Two bridges collapsed.", true)]
    [InlineData("(bridge OR tunnel) AND (flood OR collapse)", "The tunnel flooded overnight.", true)]
    [InlineData("(bridge OR tunnel) AND (flood OR collapse)", "The tunnel reopened overnight.", false)]
    public void Evaluates_boolean_queries(string query, string text, bool expected) =>
        Assert.Equal(expected, StoryQuery.Parse(query).Matches(Text(text)));

    [Fact]
    public void Entity_terms_require_capitalisation()
    {
        var query = StoryQuery.Parse("entity:Apple");

        Assert.True(query.Matches(Text("Shares of Apple rose.")));
        Assert.False(query.Matches(Text("She ate an apple.")));
    }

    [Theory]
    [InlineData("(bridge")]
    [InlineData("\"open phrase")]
    [InlineData("bridge )")]
    [InlineData("bridge AND")]
    public void Malformed_queries_are_clear_errors(string query) =>
        Assert.Throws<QuerySyntaxException>(() => StoryQuery.Parse(query));
}
