namespace FeedWatch.Stories.Queries;

public sealed record NotQuery(QueryNode Part) : QueryNode
{
    public override bool Matches(QueryText text) => !Part.Matches(text);
}
