namespace FeedWatch.Stories.Queries;

internal sealed record OrQuery(IReadOnlyList<QueryNode> Parts) : QueryNode
{
    public override bool Matches(QueryText text) => Parts.Any(p => p.Matches(text));
}
