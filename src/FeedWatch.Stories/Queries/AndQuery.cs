namespace FeedWatch.Stories.Queries;

internal sealed record AndQuery(IReadOnlyList<QueryNode> Parts) : QueryNode
{
    public override bool Matches(QueryText text) => Parts.All(p => p.Matches(text));
}
