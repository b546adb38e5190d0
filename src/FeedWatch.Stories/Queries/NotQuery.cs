namespace FeedWatch.Stories.Queries;

internal sealed record NotQuery(QueryNode Part) : QueryNode
{
    public override bool Matches(QueryText text) => !Part.Matches(text);
}
