namespace FeedWatch.Stories.Queries;

/// <summary>A node of a parsed story query.</summary>
internal abstract record QueryNode
{
    public abstract bool Matches(QueryText text);
}
